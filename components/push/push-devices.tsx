'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { FormMessage } from '@/components/forms/form-message'
import { useActionCall } from '@/components/forms/use-action-form'
import { removePushDeviceAction, subscribePushAction } from '@/lib/push/actions'
import { ListOrEmpty } from '@/components/ui/list'

type Device = { id: string; endpoint: string; deviceName: string; failing: boolean }

// A name the user recognises this browser by, e.g. "iPhone · Safari"; they may change it.
function guessDeviceName() {
  const ua = navigator.userAgent
  const device = /iPhone/.test(ua)
    ? 'iPhone'
    : /iPad/.test(ua)
      ? 'iPad'
      : /Android/.test(ua)
        ? 'Android'
        : /Mac OS X/.test(ua)
          ? 'Mac'
          : /Windows/.test(ua)
            ? 'Windows'
            : 'Browser'
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : ''
  return browser ? `${device} · ${browser}` : device
}

function keyBytes(base64url: string) {
  const padded = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/')
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0))
}

type Support = 'checking' | 'unsupported' | 'denied' | 'ready'

const noChange = () => () => {}
function browserSupport(): Support {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported'
  return Notification.permission === 'denied' ? 'denied' : 'ready'
}

// Push notifications, per device: turn them on in this browser (the browser asks for permission),
// see every device they are on, remove any of them.
export function PushDevices({ publicKey, devices }: { publicKey: string; devices: Device[] }) {
  const t = useTranslations('push.devices')
  const { run, pending, error } = useActionCall()
  // What the browser can do is read from it, not stored: the server renders "checking".
  const support = useSyncExternalStore<Support>(noChange, browserSupport, () => 'checking')
  const guessedName = useSyncExternalStore(noChange, guessDeviceName, () => '')
  const [blocked, setBlocked] = useState(false)
  const [here, setHere] = useState<string | null>(null)
  const [typedName, setName] = useState<string | null>(null)
  const name = typedName ?? guessedName
  const [localError, setLocalError] = useState<string | null>(null)

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return
    void navigator.serviceWorker
      .getRegistration('/')
      .then((reg) => reg?.pushManager.getSubscription())
      .then((sub) => setHere(sub?.endpoint ?? null))
  }, [])

  const turnOn = async () => {
    setLocalError(null)
    try {
      if ((await Notification.requestPermission()) !== 'granted') {
        setBlocked(true)
        return
      }
      const reg = await navigator.serviceWorker.register('/sw.js')
      await navigator.serviceWorker.ready
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }))
      const json = sub.toJSON()
      setHere(sub.endpoint)
      run(() => subscribePushAction({ endpoint: sub.endpoint, keys: json.keys, deviceName: name }))
    } catch {
      setLocalError(t('failed'))
    }
  }

  const remove = (device: Device) =>
    run(() => removePushDeviceAction({ id: device.id }), {
      onSuccess: () => {
        if (device.endpoint !== here) return
        setHere(null)
        void navigator.serviceWorker
          .getRegistration('/')
          .then((reg) => reg?.pushManager.getSubscription())
          .then((sub) => sub?.unsubscribe())
      },
    })

  const registeredHere = here !== null && devices.some((d) => d.endpoint === here)
  return (
    <section className="mt-6 rounded-2xl border border-line bg-white p-4" data-testid="push-devices">
      <h2 className="font-medium">{t('title')}</h2>
      <p className="mt-1 text-sm text-ink-soft">{t('hint')}</p>
      <ListOrEmpty
        items={devices}
        empty={t('none')}
        className="mt-3 divide-y divide-line"
        emptyClassName="mt-3 text-sm text-ink-soft"
      >
        {(d) => (
          <li key={d.id} className="flex items-center gap-2 py-2 text-sm" data-testid="push-device">
            <span className="flex-1">
              {d.deviceName}
              {d.endpoint === here && <span className="ml-2 text-xs text-ok">{t('thisDevice')}</span>}
              {d.failing && <span className="ml-2 text-xs text-warn">{t('failing')}</span>}
            </span>
            <button
              type="button"
              disabled={pending}
              onClick={() => remove(d)}
              className="rounded-lg px-2 py-1 text-ink-soft hover:bg-gold-soft"
            >
              {t('remove')}
            </button>
          </li>
        )}
      </ListOrEmpty>
      {support === 'unsupported' && <p className="mt-3 text-sm text-ink-soft">{t('unsupported')}</p>}
      {(blocked || support === 'denied') && <p className="mt-3 text-sm text-warn">{t('denied')}</p>}
      {support === 'ready' && !blocked && !registeredHere && (
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="block text-xs text-ink-soft">{t('deviceName')}</span>
            <input
              value={name}
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
              className="rounded-lg border border-line bg-white px-2 py-1 text-sm"
            />
          </label>
          <button
            type="button"
            disabled={pending || name.trim() === ''}
            onClick={turnOn}
            className="rounded-lg bg-ink px-3 py-1.5 text-sm text-ivory disabled:opacity-50"
          >
            {t('turnOn')}
          </button>
        </div>
      )}
      <FormMessage message={localError ?? error} />
    </section>
  )
}
