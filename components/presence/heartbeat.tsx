'use client'

import { useEffect } from 'react'

// While a console tab is open the butler is reachable: a beat now and every `seconds`, and a
// goodbye beacon when the tab closes, so a closed laptop lid or tab turns them "away".
export function PresenceHeartbeat({ seconds }: { seconds: number }) {
  useEffect(() => {
    const beat = () => {
      fetch('/api/presence', { method: 'POST', keepalive: true }).catch(() => {})
    }
    const bye = () => navigator.sendBeacon('/api/presence?leaving=1')
    beat()
    const timer = setInterval(beat, seconds * 1000)
    addEventListener('pagehide', bye)
    addEventListener('pageshow', beat)
    return () => {
      clearInterval(timer)
      removeEventListener('pagehide', bye)
      removeEventListener('pageshow', beat)
    }
  }, [seconds])
  return null
}
