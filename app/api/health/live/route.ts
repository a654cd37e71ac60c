import { definePublicRoute } from '@/lib/next/route'

export const dynamic = 'force-dynamic'

// Liveness: the process answers. No database or worker check (that is /api/health, readiness),
// so a load balancer does not restart healthy web copies while PostgreSQL fails over.
export const GET = definePublicRoute({ name: 'health.live' }, async () =>
  Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } }),
)
