import type { ButtonHTMLAttributes } from 'react'

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'quiet' }

export function Button({ variant = 'primary', className = '', ...rest }: Props) {
  const look =
    variant === 'primary'
      ? 'bg-ink text-ivory hover:bg-ink/90 disabled:bg-ink/50'
      : 'border border-line bg-white text-ink hover:bg-gold-soft disabled:opacity-50'
  return (
    <button
      className={`inline-flex min-h-11 items-center justify-center rounded-xl px-4 text-sm font-medium transition ${look} ${className}`}
      {...rest}
    />
  )
}
