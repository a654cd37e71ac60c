'use client'

import { useTranslations } from 'next-intl'
import { useCallback, useRef, useState, useSyncExternalStore } from 'react'
import { CloseButton } from '@/components/ui/close-button'

export type AlertKind = 'AT_RISK' | 'BREACHED' | 'OFFERED' | 'NEW_REQUEST' | 'CLIENT_MESSAGE'
const STORAGE_KEY = 'db-alerts-enabled'

function subscribeToStorage(onChange: () => void) {
  window.addEventListener('storage', onChange)
  return () => window.removeEventListener('storage', onChange)
}

// A short two-tone chime made in the browser: no audio file to load or cache.
function chime(ctx: AudioContext, urgent: boolean) {
  const tones = urgent ? [880, 660, 880] : [660, 880]
  tones.forEach((hz, i) => {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.frequency.value = hz
    gain.gain.setValueAtTime(0.0001, ctx.currentTime + i * 0.18)
    gain.gain.exponentialRampToValueAtTime(0.25, ctx.currentTime + i * 0.18 + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.18 + 0.16)
    osc.connect(gain).connect(ctx.destination)
    osc.start(ctx.currentTime + i * 0.18)
    osc.stop(ctx.currentTime + i * 0.18 + 0.17)
  })
}

// Unmissable alerts: a sound, a browser notification and an on-screen banner. Browsers allow
// sound and notifications only after a gesture, so the user turns them on once.
export function useAlerts() {
  const t = useTranslations('console')
  const audio = useRef<AudioContext | null>(null)
  // Read from the browser's storage (false on the server), and re-read when it changes.
  const enabled = useSyncExternalStore(
    subscribeToStorage,
    () => localStorage.getItem(STORAGE_KEY) === '1',
    () => false,
  )
  const [banner, setBanner] = useState<{ kind: AlertKind; text: string; at: number } | null>(null)

  const enable = useCallback(async () => {
    audio.current ??= new AudioContext()
    await audio.current.resume().catch(() => {})
    if ('Notification' in window && Notification.permission === 'default') await Notification.requestPermission()
    localStorage.setItem(STORAGE_KEY, '1')
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))
  }, [])

  // `title` names the request ("王先生 · 虹桥机场送机"); null when it could not be read, and
  // the alert then speaks of "a request" rather than showing a blank.
  const raise = useCallback(
    (kind: AlertKind, title: string | null) => {
      const text = title
        ? {
            AT_RISK: () => t('alertAtRisk', { title }),
            BREACHED: () => t('alertBreached', { title }),
            NEW_REQUEST: () => t('alertNewRequestNamed', { title }),
            CLIENT_MESSAGE: () => t('alertClientMessage', { title }),
            OFFERED: () => t('alertOffered', { title }),
          }[kind]()
        : {
            AT_RISK: () => t('alertAtRiskUnnamed'),
            BREACHED: () => t('alertBreachedUnnamed'),
            NEW_REQUEST: () => t('alertNewRequest'),
            CLIENT_MESSAGE: () => t('alertClientMessageUnnamed'),
            OFFERED: () => t('alertOfferedUnnamed'),
          }[kind]()
      setBanner({ kind, text, at: Date.now() })
      if (localStorage.getItem(STORAGE_KEY) !== '1') return
      try {
        audio.current ??= new AudioContext()
        chime(audio.current, kind === 'AT_RISK' || kind === 'BREACHED')
      } catch {
        /* no audio device */
      }
      if ('Notification' in window && Notification.permission === 'granted') {
        new Notification(text, { tag: `${kind}:${title}`, requireInteraction: kind === 'BREACHED' })
      }
    },
    [t],
  )

  return { enabled, enable, raise, banner, dismiss: () => setBanner(null) }
}

export function AlertBanner({
  banner,
  onDismiss,
}: {
  banner: { kind: AlertKind; text: string } | null
  onDismiss: () => void
}) {
  const t = useTranslations('console')
  if (!banner) return null
  const tone =
    banner.kind === 'BREACHED'
      ? 'bg-bad text-white'
      : banner.kind === 'AT_RISK'
        ? 'bg-warn text-white'
        : 'bg-ink text-ivory'
  // New requests and messages inform; clock alerts interrupt. Bottom right: the header's live
  // light and controls stay visible.
  return (
    <div
      role="alert"
      data-testid="sla-alert"
      data-kind={banner.kind}
      className={`fixed bottom-6 right-6 z-20 flex max-w-md items-center gap-3 rounded-xl px-4 py-3 text-sm shadow-lg ${tone}`}
    >
      <span>{banner.text}</span>
      <CloseButton
        onClick={onDismiss}
        label={t('dismiss')}
        className="ml-auto rounded px-1 opacity-80 hover:opacity-100"
      />
    </div>
  )
}
