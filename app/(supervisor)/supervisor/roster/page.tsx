import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { requirePageActor } from '@/lib/next/guards'
import { todayIn, wallTimeToUtc } from '@/lib/i18n/format'
import { formatDay, formatTime, type FriendlyLocale } from '@/lib/i18n/friendly'
import { addShiftAction, deleteShiftAction } from '@/lib/roster/actions'
import { uncoveredHours } from '@/lib/roster/coverage'
import { shiftsBetween } from '@/lib/roster/service'
import { listStaff } from '@/lib/staff/queries'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import { RowForm } from '@/components/ui/row-form'

export const dynamic = 'force-dynamic'

const shiftDay = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

// The week in the supervisor's zone, Monday first; every hour without a primary shift is red.
export default async function RosterPage({ searchParams }: { searchParams: Promise<{ week?: string }> }) {
  const actor = await requirePageActor('team.lead')
  const t = await getTranslations()
  const locale = (await getLocale()) as FriendlyLocale
  // A roster day (yyyy-MM-dd, no zone): "24 Nov" / "11月24日".
  const dayFormat = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' })
  const dayLabel = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`))
  const when = { timeZone: actor.timeZone, locale }
  const { week } = await searchParams
  const today = todayIn(actor.timeZone)
  const base = week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : today
  const dow = (new Date(`${base}T00:00:00Z`).getUTCDay() + 6) % 7
  const monday = shiftDay(base, -dow)
  const days = Array.from({ length: 7 }, (_, i) => shiftDay(monday, i))
  const from = wallTimeToUtc(`${monday}T00:00`, actor.timeZone)
  const to = wallTimeToUtc(`${shiftDay(monday, 7)}T00:00`, actor.timeZone)
  const [shifts, staff] = await Promise.all([shiftsBetween(from, to), listStaff(actor)])
  const butlers = staff.filter((s) => s.role === 'BUTLER' && !s.disabled)
  const slot = (day: string, h: number) => wallTimeToUtc(`${day}T${String(h).padStart(2, '0')}:00`, actor.timeZone)
  const gapCount = days.reduce(
    (n, d) =>
      n + Array.from({ length: 24 }, (_, h) => uncoveredHours(shifts, slot(d, h), 1).length).reduce((a, b) => a + b, 0),
    0,
  )
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Link
          href={`/supervisor/roster?week=${shiftDay(monday, -7)}`}
          className="rounded-lg border border-line px-2 py-1 text-sm"
        >
          ←
        </Link>
        <h1 className="text-xl font-semibold">{t('roster.week', { from: dayLabel(monday), to: dayLabel(days[6]) })}</h1>
        <Link
          href={`/supervisor/roster?week=${shiftDay(monday, 7)}`}
          className="rounded-lg border border-line px-2 py-1 text-sm"
        >
          →
        </Link>
        <span className={`ml-4 text-sm ${gapCount ? 'text-bad' : 'text-ok'}`} data-testid="gap-count">
          {t('roster.gaps', { n: gapCount })}
        </span>
      </div>
      <div className="overflow-x-auto rounded-2xl border border-line bg-white">
        <table className="w-full border-separate border-spacing-0 text-xs" data-testid="roster-grid">
          <thead>
            <tr>
              <th className="w-12 border-b border-line p-1" />
              {days.map((d) => (
                <th key={d} className="border-b border-line p-1 text-left font-medium">
                  {t(`roster.dow.${days.indexOf(d)}`)} {dayLabel(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: 24 }, (_, h) => (
              <tr key={h}>
                <td className="border-b border-line p-1 text-right tabular-nums text-ink-soft">
                  {String(h).padStart(2, '0')}:00
                </td>
                {days.map((d) => {
                  const start = slot(d, h)
                  const end = new Date(start.getTime() + 3_600_000)
                  const on = shifts.filter((s) => s.startsAt < end && s.endsAt > start)
                  const gap = uncoveredHours(shifts, start, 1).length > 0
                  return (
                    <td
                      key={d}
                      className={`border-b border-l border-line p-1 ${gap ? 'bg-bad/15' : ''}`}
                      data-gap={gap || undefined}
                      data-testid={`cell-${d}-${h}`}
                    >
                      {on.map((s) => (
                        <span
                          key={s.id}
                          className={`mr-1 inline-block rounded px-1 ${s.isBackup ? 'bg-line' : 'bg-ok/15 text-ok'}`}
                        >
                          {s.butler.name.split(' ')[0]}
                        </span>
                      ))}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="mt-6 grid gap-6 lg:grid-cols-2">
        <div className="rounded-2xl border border-line bg-white px-4 py-3">
          <h2 className="font-medium">{t('roster.add')}</h2>
          <RowForm
            action={addShiftAction}
            hidden={{}}
            submitLabel={t('admin.addRow')}
            fields={[
              {
                name: 'butlerId',
                label: t('supervisor.butler'),
                kind: 'select',
                value: '',
                options: [
                  { value: '', label: t('transfer.choose') },
                  ...butlers.map((b) => ({ value: b.id, label: b.name })),
                ],
              },
              {
                name: 'day',
                label: t('roster.day'),
                kind: 'select',
                value: days[0],
                options: days.map((d, i) => ({ value: d, label: `${t(`roster.dow.${i}`)} ${dayLabel(d)}` })),
              },
              {
                name: 'startHour',
                label: t('roster.start'),
                kind: 'select',
                value: '8',
                options: Array.from({ length: 24 }, (_, h) => ({
                  value: String(h),
                  label: `${String(h).padStart(2, '0')}:00`,
                })),
              },
              { name: 'hours', label: t('roster.hours'), kind: 'number', value: 8, width: 'w-16' },
              { name: 'isBackup', label: t('roster.backup'), kind: 'checkbox', value: false },
            ]}
          />
        </div>
        <div className="rounded-2xl border border-line bg-white px-4 py-3">
          <h2 className="font-medium">{t('roster.shifts')}</h2>
          {shifts.length === 0 && <p className="py-2 text-sm text-ink-soft">{t('common.empty')}</p>}
          {shifts.map((s) => (
            <div key={s.id} className="flex items-center justify-between gap-2 text-sm" data-testid="shift">
              <span>
                {s.butler.name} · {formatDay(s.startsAt, when)} {formatTime(s.startsAt, when)}–
                {formatTime(s.endsAt, when)}
                {s.isBackup ? ` · ${t('roster.backup')}` : ''}
              </span>
              <ConfirmActionButton
                action={deleteShiftAction}
                input={{ shiftId: s.id }}
                label={t('common.delete')}
                question={t('roster.confirmDelete')}
                confirmLabel={t('roster.deleteShift')}
                cancelLabel={t('roster.keepShift')}
              />
            </div>
          ))}
        </div>
      </section>
    </>
  )
}
