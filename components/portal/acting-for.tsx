import { useTranslations } from 'next-intl'

// A delegate always sees on whose behalf she acts: "代 王先生 办理" / "Acting for Mr Wang".
export function ActingFor({ names, className = '' }: { names: string[]; className?: string }) {
  const t = useTranslations('portal')
  if (names.length === 0) return null
  return (
    <p
      className={`inline-flex items-center gap-1.5 rounded-full bg-gold-soft px-3 py-1 text-xs font-medium text-ink ${className}`}
      data-testid="acting-for"
    >
      <span aria-hidden>◆</span>
      {t('actingFor', { name: names.join('、') })}
    </p>
  )
}
