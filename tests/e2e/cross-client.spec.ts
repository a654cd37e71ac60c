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
  await a.locator('form:has(#composer-body) input[name="requestId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), bRequestId)
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
