// Diamond Butler service worker: makes the portal installable, shows a calm offline page and
// shows push notifications. Pages carry client data, so they are never cached; only the offline
// page (which carries the team's 24x7 number) and icons are.
const CACHE = 'db-shell-v2'
const SHELL = ['/offline', '/icon-192', '/icon-512']
// The offline copy is fetched again on the first page load after the worker starts (and then at
// most every 6 hours), so a number an admin changes reaches phones that are online now and then.
const OFFLINE_REFRESH_MS = 6 * 3600 * 1000
let offlineRefreshedAt = 0

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

function refreshOfflinePage() {
  if (Date.now() - offlineRefreshedAt < OFFLINE_REFRESH_MS) return Promise.resolve()
  offlineRefreshedAt = Date.now()
  return caches
    .open(CACHE)
    .then((c) => c.add('/offline'))
    .catch(() => {
      offlineRefreshedAt = 0
    })
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          event.waitUntil(refreshOfflinePage())
          return response
        })
        .catch(() => caches.match('/offline')),
    )
    return
  }
  if (SHELL.includes(new URL(request.url).pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)))
  }
})

// A push carries { title, body, url, tag }: no names, places or message text, so the lock
// screen shows nothing personal. The link opens the request.
function showPush(data) {
  if (!data || typeof data.title !== 'string') return Promise.resolve()
  return self.registration.showNotification(data.title, {
    body: typeof data.body === 'string' ? data.body : '',
    tag: typeof data.tag === 'string' ? data.tag : undefined,
    icon: '/icon-192',
    badge: '/icon-192',
    data: { url: typeof data.url === 'string' ? data.url : '/' },
  })
}

self.addEventListener('push', (event) => {
  let data = null
  try {
    data = event.data ? event.data.json() : null
  } catch {
    data = null
  }
  event.waitUntil(showPush(data))
})

// Opening a notification: a tab of the app already open is taken to the request and focused,
// else a new window opens there. Only same-origin paths are followed.
function openFromNotification(notification) {
  const path = notification && notification.data && notification.data.url
  const url = new URL(typeof path === 'string' && path.startsWith('/') ? path : '/', self.location.origin).href
  if (notification) notification.close()
  return self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((w) => new URL(w.url).origin === self.location.origin)
    if (!open) return self.clients.openWindow(url)
    // navigate() works on tabs this worker controls; any other is focused and a window opened.
    return open
      .navigate(url)
      .then((w) => (w || open).focus().catch(() => w || open))
      .catch(() => open.focus().then(() => self.clients.openWindow(url)))
  })
}
// Exposed for the browser test, which cannot click an operating-system notification.
self.openFromNotification = openFromNotification

self.addEventListener('notificationclick', (event) => {
  event.waitUntil(openFromNotification(event.notification))
})
