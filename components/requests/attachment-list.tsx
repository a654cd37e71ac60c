import { getTranslations } from 'next-intl/server'

type Item = { id: string; fileName: string; sizeBytes: number }

export async function AttachmentList({ items }: { items: Item[] }) {
  const t = await getTranslations('attachments')
  if (items.length === 0) return null
  return (
    <ul className="space-y-1 text-sm" aria-label={t('title')} data-testid="attachments">
      {items.map((a) => (
        <li key={a.id}>
          <a href={`/api/attachments/${a.id}`} className="text-ink underline-offset-2 hover:underline">
            {a.fileName}
          </a>
          <span className="ml-2 text-xs text-ink-soft">{Math.max(1, Math.round(a.sizeBytes / 1024))} KB</span>
        </li>
      ))}
    </ul>
  )
}
