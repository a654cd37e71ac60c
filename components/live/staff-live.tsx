'use client'

import { useTranslations } from 'next-intl'
import { useCallback } from 'react'
import { AlertBanner, useAlerts, type AlertKind } from './alerts'
import { LiveRefresh, type StreamEvent } from './live-refresh'

// Live updates plus SLA alerts for staff screens. Butlers hear at-risk, breach and offers;
// supervisors hear breaches.
export function StaffLive({ titles, alertOn }: { titles: Record<string, string>; alertOn: AlertKind[] }) {
  const t = useTranslations('console')
  const { enabled, enable, raise, banner, dismiss } = useAlerts()
  const onEvent = useCallback((name: string, data: StreamEvent) => {
    const title = (data.requestId && titles[data.requestId]) || '—'
    const kind: AlertKind | null =
      name === 'request.created' ? 'NEW_REQUEST'
      : name === 'message.created' && data.fromClient ? 'CLIENT_MESSAGE'
      : name === 'request.offered' ? 'OFFERED'
      : name === 'sla.changed' && (data.state === 'AT_RISK' || data.state === 'BREACHED') ? data.state
      : null
    if (kind && alertOn.includes(kind)) raise(kind, title)
  }, [titles, alertOn, raise])

  return (
    <div className="flex items-center gap-3">
      {enabled ? (
        <span className="text-xs text-ink-soft">{t('alertsOn')}</span>
      ) : (
        <button type="button" onClick={enable} className="rounded-lg border border-gold px-2 py-1 text-xs text-ink hover:bg-gold-soft">
          {t('enableAlerts')}
        </button>
      )}
      <LiveRefresh onEvent={onEvent} />
      <AlertBanner banner={banner} onDismiss={dismiss} />
    </div>
  )
}
