import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { newSignedInPage, sql, waitForLive } from './helpers'
import { people } from './people'

async function fileRequest(page: Page, title: string) {
  await page.goto('/portal/requests/new')
  await page.getByText(/^(其他|Other)$/).click()
  await page.locator('input[name="title"]').fill(title)
  await page.getByRole('button', { name: /^(提交需求|Send request)$/ }).click()
  await expect(page).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)
  return page.url().split('/').pop()!
}

// Collects the event names this page's session receives from /api/events.
async function recordEvents(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { seen: string[] }
    w.seen = []
    const source = new EventSource('/api/events')
    for (const name of ['request.created', 'message.created', 'sla.changed', 'request.updated']) {
      source.addEventListener(name, (e) => w.seen.push(`${name}:${(e as MessageEvent).data}`))
    }
    return new Promise<void>((resolve) => source.addEventListener('ready', () => resolve()))
  })
  return () => page.evaluate(() => (window as unknown as { seen: string[] }).seen)
}

test('client A cannot see client B’s request by page, by action or by the event stream', async ({ browser }) => {
  const a = await newSignedInPage(browser, people.clientA, { width: 375 })
  const b = await newSignedInPage(browser, people.clientB, { width: 375 })
  const butlerB = await newSignedInPage(browser, people.butlerB)
  // A second tab of A's session listens while the first one navigates.
  const aWatcher = await a.context().newPage()
  await aWatcher.goto('/portal')
  const seenByA = await recordEvents(aWatcher)
  const seenByButlerB = await recordEvents(butlerB)

  const bRequestId = await fileRequest(b, 'Private matter of B')
  await expect.poll(async () => (await seenByButlerB()).some((e) => e.includes(bRequestId))).toBe(true)

  // The page: not found, and nothing of B's on A's list.
  const response = await a.goto(`/portal/requests/${bRequestId}`)
  expect(response?.status()).toBe(404)
  await expect(a.getByText('Private matter of B')).toHaveCount(0)
  await a.goto('/portal')
  await expect(a.getByText('Private matter of B')).toHaveCount(0)

  // The action: A opens their own request page and posts with B's request id instead.
  const aRequestId = await fileRequest(a, 'A’s own request')
  await waitForLive(a)
  await a
    .locator('form:has(#composer-body) input[name="requestId"]')
    .evaluate((el, id) => ((el as HTMLInputElement).value = id), bRequestId)
  await a.getByLabel('给管家留言').fill('Let me in')
  await a.getByRole('button', { name: '发送' }).click()
  await expect(a.locator('form [role="alert"]')).toHaveText('该需求不存在或您无权查看。')
  const written = await sql('SELECT 1 FROM "Message" WHERE "requestId" = $1 AND body = $2', [bRequestId, 'Let me in'])
  expect(written).toHaveLength(0)

  // The stream: A heard nothing about B's request, only about their own.
  await expect.poll(async () => (await seenByA()).some((e) => e.includes(aRequestId))).toBe(true)
  const events = await seenByA()
  expect(events.some((e) => e.includes(bRequestId))).toBe(false)
  expect(events.some((e) => e.includes(aRequestId))).toBe(true)

  // An internal note reaches the staff's stream but never the client's; the reply reaches both.
  const butlerA = await newSignedInPage(browser, people.butlerA)
  await butlerA.goto(`/console/requests/${aRequestId}`)
  const seenByButlerA = await recordEvents(butlerA)
  const messagesFor = async (seen: () => Promise<string[]>) =>
    (await seen()).filter((e) => e.startsWith('message.created') && e.includes(aRequestId)).length
  const clientBefore = await messagesFor(seenByA)
  // The note tab: the composer turns amber and says only the team sees it.
  await butlerA.locator('[role="tab"][data-mode="note"]').click()
  await expect(butlerA.locator('#composer-panel')).toHaveAttribute('data-mode', 'note')
  await butlerA.locator('#composer-body').fill('Internal: client prefers the quiet table')
  await butlerA.locator('form:has(#composer-body) button[type="submit"]').click()
  await expect.poll(() => messagesFor(seenByButlerA)).toBe(1)
  // The staff side has heard it; give the client's stream the same time to (not) hear it.
  await a.waitForTimeout(1_000)
  expect(await messagesFor(seenByA)).toBe(clientBefore)
  await butlerA.locator('[role="tab"][data-mode="reply"]').click()
  await butlerA.locator('#composer-body').fill('Your table is booked.')
  await butlerA.locator('form:has(#composer-body) button[type="submit"]').click()
  await expect.poll(() => messagesFor(seenByButlerA)).toBe(2)
  await expect.poll(() => messagesFor(seenByA)).toBe(clientBefore + 1)
  await a.goto(`/portal/requests/${aRequestId}`)
  await expect(a.getByText('Your table is booked.')).toBeVisible()
  await expect(a.getByText('Internal: client prefers the quiet table')).toHaveCount(0)
})

test('signed-out visitors and the wrong audience are turned away on the server', async ({ browser, request }) => {
  const stream = await request.get('/api/events')
  expect(stream.status()).toBe(401)
  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  await client.goto('/console')
  await expect(client).toHaveURL(/\/portal$/)
  await client.goto('/supervisor')
  await expect(client).toHaveURL(/\/portal$/)
})
