import { ImageResponse } from 'next/og'

// The app icon, drawn at build time: a gold diamond on ink. No image files to keep in sync.
export function brandIcon(size: number) {
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#14213d',
      }}
    >
      <div
        style={{
          width: size * 0.42,
          height: size * 0.42,
          background: '#a9812f',
          transform: 'rotate(45deg)',
          borderRadius: size * 0.04,
        }}
      />
    </div>,
    { width: size, height: size },
  )
}
