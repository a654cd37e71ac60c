import { getLocale, getTranslations } from 'next-intl/server'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import type { ConfirmationDTO } from '@/lib/portal/confirmations'
import type { RequestDetailDTO, TimelineEntryDTO } from '@/lib/requests/queries'
import type { FlowCard as FlowItem } from '@/components/requests/thread'
import { DetailList } from '@/components/requests/detail-list'
import { AlternativeCard } from '@/components/requests/alternatives'
import { AttachmentCard } from '@/components/requests/attachment-list'
import { ConfirmationCard } from './confirmation-card'
import { FlowCard } from './flow-card'

type File = { id: string; fileName: string; mimeType: string; sizeBytes: number; createdAt: string }

// Everything of a request that is not a message, as cards in its conversation: what was asked,
// files, status changes, alternatives and confirmed bookings, each at the time it happened.
export async function requestFlow({
  request,
  files,
  confirmations,
  timeline,
  timeZone,
}: {
  request: RequestDetailDTO
  files: File[]
  confirmations: ConfirmationDTO[]
  timeline: TimelineEntryDTO[]
  timeZone: string
}): Promise<FlowItem[]> {
  const t = await getTranslations()
  const locale = (await getLocale()) as FriendlyLocale
  const hasDetails = Object.values(request.details).some((v) => v !== undefined && v !== null && v !== '')
  return [
    {
      key: 'request',
      at: request.createdAt,
      node: (
        <FlowCard
          label={t('portal.flow.asked', { time: formatWhen(request.createdAt, { timeZone, locale }) })}
          testId="request-card"
        >
          <p className="font-medium">{request.title}</p>
          {(hasDetails || request.wantedAt) && (
            <div className="mt-3">
              <DetailList request={request} timeZone={timeZone} bare />
            </div>
          )}
        </FlowCard>
      ),
    },
    ...files.map((f) => ({
      key: `file-${f.id}`,
      at: f.createdAt,
      node: (
        <FlowCard label={t('attachments.title')}>
          <AttachmentCard item={f} />
        </FlowCard>
      ),
    })),
    ...timeline
      .filter((e) => e.action === 'request.status_changed' && e.status)
      .map((e) => ({
        key: `status-${e.id}`,
        at: e.at,
        node: (
          <p className="text-center text-xs text-ink-soft" data-testid="status-note">
            {t('timeline.status', { status: t(`statuses.${e.status!}`) })} ·{' '}
            <time dateTime={e.at}>{formatWhen(e.at, { timeZone, locale })}</time>
          </p>
        ),
      })),
    ...request.alternatives.map((a) => ({
      key: `alt-${a.id}`,
      at: a.offeredAt,
      node: <AlternativeCard item={a} timeZone={timeZone} canDecide />,
    })),
    ...confirmations.map((c) => ({
      key: `conf-${c.id}`,
      at: c.createdAt,
      node: <ConfirmationCard item={c} timeZone={timeZone} />,
    })),
  ]
}
