import type { NextRequest } from 'next/server'
import { handlers } from '@/lib/next/auth'
import { definePublicRoute } from '@/lib/next/route'

// Auth.js answers its own errors; the wrapper adds the correlation id to its log lines.
export const GET = definePublicRoute({ name: 'auth' }, (request) => handlers.GET(request as NextRequest))
export const POST = definePublicRoute({ name: 'auth' }, (request) => handlers.POST(request as NextRequest))
