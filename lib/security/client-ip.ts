// The caller's address as the nearest trusted proxy reports it. Behind no proxy there is no
// such header and all direct callers share one bucket, which only makes the limit stricter.
export function clientIp(h: Headers) {
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded || h.get('x-real-ip') || 'direct'
}
