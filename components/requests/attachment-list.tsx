import { getTranslations } from 'next-intl/server'

type Item = { id: string; fileName: string; sizeBytes: number; mimeType?: string }

const isImage = (a: Item) => a.mimeType?.startsWith('image/') && a.mimeType !== 'image/heic'
const size = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`

// One file as the conversation shows it: a photo as a thumbnail, anything else as a named chip.
export async function AttachmentCard({ item }: { item: Item }) {
  const t = await getTranslations('attachments')
  const href = `/api/attachments/${item.id}`
  return (
    <a href={href} className="group block" data-testid="attachment" aria-label={t('open', { name: item.fileName })}>
      {isImage(item) ? (
        // A thumbnail of the client's own photo, served by the app behind its session.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={href}
          alt={item.fileName}
          loading="lazy"
          className="max-h-56 w-auto max-w-full rounded-xl border border-line object-cover"
        />
      ) : (
        <span className="flex items-center gap-3 rounded-xl bg-ivory p-3">
          <span
            aria-hidden
            className="grid size-9 place-items-center rounded-lg bg-white text-xs font-semibold text-ink-soft"
          >
            {item.fileName.split('.').pop()?.slice(0, 4).toUpperCase() ?? ''}
          </span>
          <span className="min-w-0">
            <span className="block truncate font-medium text-ink underline underline-offset-2">{item.fileName}</span>
            <span className="text-xs text-ink-soft">{size(item.sizeBytes)}</span>
          </span>
        </span>
      )}
    </a>
  )
}

export async function AttachmentList({ items }: { items: Item[] }) {
  const t = await getTranslations('attachments')
  if (items.length === 0) return null
  return (
    <ul className="space-y-1 text-sm" aria-label={t('title')} data-testid="attachments">
      {items.map((a) => (
        <li key={a.id}>
          <a href={`/api/attachments/${a.id}`} className="text-ink underline underline-offset-2">
            {a.fileName}
          </a>
          <span className="ml-2 text-xs text-ink-soft">{size(a.sizeBytes)}</span>
        </li>
      ))}
    </ul>
  )
}
