import { NextResponse, type NextRequest } from 'next/server'
import { actionBodyOk } from './lib/security/action-body'
import { contentSecurityPolicy, NONCE_HEADER, originAllowed } from './lib/security/csp'

// Early redirect only: every page, action and route handler still checks the session itself.
const PROTECTED = ['/portal', '/console', '/supervisor', '/admin', '/account']

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).host : null
  } catch {
    return null
  }
}

function ownHosts(request: NextRequest) {
  // Behind trusted proxies the Host header names the proxy's upstream, so theirs counts.
  const proxied = Number(process.env.TRUSTED_PROXY_HOPS ?? 0) > 0
  return [
    request.headers.get('host'),
    hostOf(process.env.APP_URL),
    proxied ? request.headers.get('x-forwarded-host') : null,
  ]
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  // A server action or route handler called from another site (cross-site request forgery)
  // is refused here, before anything runs: 403, nothing written.
  if (!originAllowed(request.method, pathname, request.headers.get('origin'), ownHosts(request))) {
    return NextResponse.json({ error: 'FORBIDDEN', message: 'errors.foreignOrigin' }, { status: 403 })
  }
  // A server action call whose body Next.js could not decode is the caller's mistake: 400.
  if (request.method === 'POST' && request.headers.has('next-action') && !(await actionBodyOk(request))) {
    return NextResponse.json({ error: 'INVALID_INPUT', message: 'errors.invalidValue' }, { status: 400 })
  }
  // Route handlers answer JSON, files and event streams, never a page with scripts: no nonce to
  // make, and their policy is a fixed header (API_CONTENT_SECURITY_POLICY, next.config.ts).
  if (pathname.startsWith('/api/')) return NextResponse.next()
  const hasSession = request.cookies.getAll().some((c) => c.name.includes('authjs.session-token'))
  if (!hasSession && PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    return NextResponse.redirect(new URL('/login', request.url))
  }
  // A fresh nonce per response; Next.js reads it from the request's CSP header.
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development')
  const headers = new Headers(request.headers)
  headers.set(NONCE_HEADER, nonce)
  headers.set('content-security-policy', csp)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', csp)
  return response
}

export const config = {
  // Everything but build assets and icons, which run no script and change nothing.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|sw.js|icon-192|icon-512|apple-icon).*)'],
}
