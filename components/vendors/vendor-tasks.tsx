import { getLocale, getTranslations } from 'next-intl/server'
import { formatWhen, type FriendlyLocale } from '@/lib/i18n/friendly'
import type { VendorTaskDTO } from '@/lib/vendors/queries'
import { ConfirmVendorForm } from './confirm-form'

export async function VendorTasks({
  tasks,
  timeZone,
  staff,
}: {
  tasks: VendorTaskDTO[]
  timeZone: string
  staff: boolean
}) {
  const t = await getTranslations('vendors')
  const locale = (await getLocale()) as FriendlyLocale
  if (tasks.length === 0) return staff ? <p className="text-sm text-ink-soft">{t('none')}</p> : null
  return (
    <ul className="space-y-3 text-sm" data-testid="vendor-tasks">
      {tasks.map((task) => (
        <li key={task.id} className="rounded-xl bg-ivory p-3" data-testid="vendor-task" data-status={task.status}>
          <div className="flex items-start justify-between gap-2">
            <p className="font-medium">
              {task.vendorName} <span className="font-normal text-ink-soft">· {task.vendorKind}</span>
            </p>
            <span className="rounded-full bg-white px-2 py-0.5 text-xs">{t(`status.${task.status}`)}</span>
          </div>
          <p className="mt-1">{task.description}</p>
          {staff && (
            <p className="mt-1 text-xs text-ink-soft">
              {task.cost !== null && (
                <span className="tabular-nums">
                  {task.currency} {task.cost}
                </span>
              )}
              {task.dueAt && (
                <span>
                  {' '}
                  · {t('due')} {formatWhen(task.dueAt, { timeZone, locale })}
                </span>
              )}
              {task.approval !== 'NOT_NEEDED' && <span> · {t(`approval.${task.approval}`)}</span>}
            </p>
          )}
          {task.confirmationRef && (
            <p className="mt-1 text-ok">
              {t('confirmed')}: {task.confirmationRef}
            </p>
          )}
          {staff && task.status === 'REQUESTED' && <ConfirmVendorForm taskId={task.id} version={task.version} />}
        </li>
      ))}
    </ul>
  )
}
