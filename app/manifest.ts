import type { MetadataRoute } from 'next'

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: '钻石管家 Diamond Butler',
    short_name: '钻石管家',
    description: 'Private banking concierge · 私人银行管家服务',
    start_url: '/portal',
    scope: '/',
    display: 'standalone',
    background_color: '#faf8f3',
    theme_color: '#14213d',
    icons: [
      { src: '/icon-192', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512', sizes: '512x512', type: 'image/png' },
      { src: '/icon-512', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  }
}
