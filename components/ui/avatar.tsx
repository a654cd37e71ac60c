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

const SIZES = { sm: 'size-8 text-xs', md: 'size-11 text-sm', lg: 'size-14 text-base' } as const

export function Avatar({
  name,
  size = 'md',
  tone = 'light',
}: {
  name: string
  size?: keyof typeof SIZES
  tone?: 'light' | 'dark'
}) {
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
