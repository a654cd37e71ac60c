import { NextResponse, type NextRequest } from 'next/server'

// Early redirect only: every page, action and route handler still checks the session itself.
const PROTECTED = ['/portal', '/console', '/supervisor', '/admin', '/account']

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const hasSession = request.cookies.getAll().some((c) => c.name.includes('authjs.session-token'))
  if (!hasSession && PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    return NextResponse.redirect(new URL('/login', request.url))
  }
  return NextResponse.next()
}

export const config = {
  matcher: ['/portal/:path*', '/console/:path*', '/supervisor/:path*', '/admin/:path*', '/account/:path*'],
}
