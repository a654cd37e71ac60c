'use client'

import { useEffect, useRef, useState } from 'react'

// A person's initials in a round badge, where a photo would go: "林" for 林静, "ZH" for Zhou Hang.
function initialsOf(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  if (/^[A-Za-z]/.test(words[0]))
    return words
      .slice(0, 2)
      .map((w) => w.charAt(0).toUpperCase())
      .join('')
  return Array.from(words[0])[0]
}

const SIZES = {
  sm: 'size-8 text-xs',
  md: 'size-11 text-sm',
  lg: 'size-14 text-base',
  xl: 'size-28 text-3xl',
} as const

// The person's photo when they have one (lib/staff/photo-url.ts), cropped to the circle; their
// initials when they have none or it does not load (removed since the page was drawn, or offline).
export function Avatar({
  name,
  photoUrl = null,
  size = 'md',
  tone = 'light',
}: {
  name: string
  photoUrl?: string | null
  size?: keyof typeof SIZES
  tone?: 'light' | 'dark'
}) {
  const [failed, setFailed] = useState<string | null>(null)
  const img = useRef<HTMLImageElement>(null)
  // An image that failed before the page came alive fired its error event unheard.
  useEffect(() => {
    const el = img.current
    if (el?.complete && el.naturalWidth === 0 && photoUrl) setFailed(photoUrl)
  }, [photoUrl])
  const ring = tone === 'dark' ? 'ring-1 ring-gold-light/40' : 'ring-1 ring-line'
  if (photoUrl && failed !== photoUrl)
    return (
      // Served by the app behind the viewer's session (app/api/staff/[id]/photo): next/image's
      // optimizer would fetch it without the session and keep a copy for everyone.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        ref={img}
        src={photoUrl}
        alt=""
        aria-hidden
        decoding="async"
        onError={() => setFailed(photoUrl)}
        className={`shrink-0 rounded-full bg-gold-soft object-cover ${SIZES[size]} ${ring}`}
        data-testid="avatar-photo"
      />
    )
  const look = tone === 'dark' ? 'bg-gold-light/20 text-gold-light' : 'bg-gold-soft text-ink'
  return (
    <span
      aria-hidden
      className={`grid shrink-0 place-items-center rounded-full font-semibold tracking-wide ${SIZES[size]} ${look}`}
    >
      {initialsOf(name)}
    </span>
  )
}
