import type { CDPSession } from '@playwright/test'
import { BASE_URL } from '../../playwright.config'
import { expect, test } from './fixtures'
import { newSignedInPage, sql } from './helpers'
import { people } from './people'

// The service worker's global, as far as these tests use it (the DOM library lacks its types).
type WorkerScope = {
  registration: { getNotifications: () => Promise<Notification[]> }
  openFromNotification: (n: Notification) => Promise<unknown>
}

// The id Chromium gives the service worker registration for this origin (for CDP's push).
async function registrationId(cdp: CDPSession) {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const mine = registrations.find((r) => r.scopeURL === `${BASE_URL}/` && !r.isDeleted)
      if (mine) resolve(mine.registrationId)
    })
  })
  await cdp.send('ServiceWorker.enable')
  return found
}

test('a push shows a notification with nothing personal on it, and opening it goes to the request', async ({
  browser,
}) => {
  const [lin] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [people.butlerA])
  const [wang] = await sql<{ id: string; userId: string }>(
    `SELECT c.id, c."userId" FROM "Client" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`,
    [people.clientA],
  )
  const [request] = await sql<{ id: string; number: number }>(
    `INSERT INTO "ServiceRequest" (id, "clientId", "createdById", "assigneeId", category, title, "updatedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, 'LIVING', 'Push target', now()) RETURNING id, number`,
    [wang.id, wang.userId, lin.id],
  )

  const butler = await newSignedInPage(browser, people.butlerA)
  await butler.context().grantPermissions(['notifications'], { origin: BASE_URL })
  await butler.goto('/account/devices')
  await expect(butler.getByTestId('push-devices')).toBeVisible()
  const cdp = await butler.context().newCDPSession(butler)
  const registration = registrationId(cdp)
  await butler.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js')
    await navigator.serviceWorker.ready
  })
  await butler.waitForFunction(() => navigator.serviceWorker.controller !== null)
  const sw = butler
    .context()
    .serviceWorkers()
    .find((w) => w.url().endsWith('/sw.js'))!

  // What the worker sends for "new request" (the payload lib/push renders; the integration test
  // checks the server side), delivered to the service worker as a push service would.
  const payload = {
    title: `新需求 #${request.number} 待响应`,
    body: '请在 3 分钟内回复。',
    url: `/console/requests/${request.id}`,
    tag: `NEW_REQUEST-${request.number}`,
  }
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: BASE_URL,
    registrationId: await registration,
    data: JSON.stringify(payload),
  })
  const shown = () =>
    sw.evaluate(async () =>
      (await (self as unknown as WorkerScope).registration.getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        url: (n.data as { url: string }).url,
      })),
    )
  await expect.poll(shown).toEqual([{ title: payload.title, body: payload.body, tag: payload.tag, url: payload.url }])

  // Opening it: the service worker's own click handler takes the open tab to the request.
  await sw.evaluate(async () => {
    const scope = self as unknown as WorkerScope
    const [n] = await scope.registration.getNotifications()
    await scope.openFromNotification(n)
  })
  await expect(butler).toHaveURL(`${BASE_URL}/console/requests/${request.id}`)
  await expect(butler.getByRole('heading', { name: 'Push target' })).toBeVisible()
  // The notification is closed once opened.
  await expect.poll(shown).toEqual([])
})

test('the portal offers the team phone and WeChat, and the offline page shows the 24x7 number', async ({ browser }) => {
  await sql(
    `INSERT INTO "TeamContact" (id, phone, "wecomUrl", "updatedAt") VALUES ('team', '+86 400 820 8820', 'https://work.weixin.qq.com/kfid/kfce2e', now())
     ON CONFLICT (id) DO UPDATE SET phone = EXCLUDED.phone, "wecomUrl" = EXCLUDED."wecomUrl"`,
  )
  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  await client.goto('/portal')
  await expect(client.getByTestId('call-team')).toHaveAttribute('href', 'tel:+864008208820')
  await expect(client.getByTestId('wechat-team')).toHaveAttribute('href', 'https://work.weixin.qq.com/kfid/kfce2e')

  // The portal installs the service worker, which keeps the offline page with the number on it.
  await client.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await client.context().setOffline(true)
  await client.goto('/portal/requests/new').catch(() => {})
  await expect(client.getByTestId('offline-phone')).toContainText('+86 400 820 8820')
  await client.context().setOffline(false)
})
