import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { newSignedInPage, sql, waitForLive } from './helpers'
import { people } from './people'

type Recorded = { name: string; data: { requestId?: string; messageId?: string } }

// A raw event stream opened in the page, recording everything the server sends on it.
async function recordStream(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { recorded: Recorded[]; stream: EventSource }
    w.recorded = []
    w.stream = new EventSource('/api/events')
    for (const name of ['ready', 'request.created', 'request.updated', 'message.created', 'sla.changed', 'scope'])
      w.stream.addEventListener(name, (e) => w.recorded.push({ name, data: JSON.parse((e as MessageEvent).data) }))
  })
  await expect.poll(() => recorded(page).then((r) => r.some((e) => e.name === 'ready'))).toBe(true)
}
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { recorded: Recorded[] }).recorded)
const streamState = (page: Page) =>
  page.evaluate(() => (window as unknown as { stream: EventSource }).stream.readyState)

async function fileRequest(page: Page, title: string) {
  await page.goto('/portal/requests/new')
  await page.getByText('其他', { exact: true }).click()
  await page.getByLabel('简要描述').fill(title)
  await page.getByRole('button', { name: '提交需求' }).click()
  await expect(page).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)
  return page.url().split('/').pop()!
}

// Lets the next POST reach the server (after `delayMs` on a slow network), then drops its
// answer as a dead network would.
async function dropNextAnswer(page: Page, delayMs = 0) {
  let dropped = false
  await page.route('**/portal/requests/**', async (route) => {
    if (dropped || route.request().method() !== 'POST') return route.fallback()
    dropped = true
    await new Promise((r) => setTimeout(r, delayMs))
    await route.fetch()
    await route.abort('internetdisconnected')
  })
  return () => dropped
}

test('a delegate whose delegation is revoked while their stream is open receives nothing more of the client', async ({
  browser,
}) => {
  // A delegate of client A of their own, so revoking it leaves the shared one in place.
  const email = `stream-${Date.now()}@e2e.test`
  const [user] = await sql<{ id: string }>(
    `INSERT INTO "User" (id, email, "passwordHash", role, name, "updatedAt")
     SELECT gen_random_uuid()::text, $1, "passwordHash", 'DELEGATE', '临时助理', now() FROM "User" WHERE email = $2
     RETURNING id`,
    [email, people.delegateA],
  )
  const [owner] = await sql<{ clientId: string }>(
    `SELECT c.id AS "clientId" FROM "Client" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`,
    [people.clientA],
  )
  await sql(
    `INSERT INTO "Delegate" (id, "clientId", "userId", email, relation, status) VALUES (gen_random_uuid()::text, $1, $2, $3, '助理', 'ACTIVE')`,
    [owner.clientId, user.id, email],
  )

  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  const requestId = await fileRequest(client, `撤销前后 ${Date.now() % 100000}`)
  await waitForLive(client)
  await recordStream(client)

  const delegate = await newSignedInPage(browser, email, { width: 375 })
  await recordStream(delegate)

  // Before: the delegate hears the client's message.
  await client.getByLabel('给管家留言').fill('第一条：请订两张票')
  await client.getByRole('button', { name: '发送' }).click()
  await expect.poll(async () => (await recorded(delegate)).filter((e) => e.name === 'message.created').length).toBe(1)

  await client.goto('/portal/profile')
  const row = client.getByTestId('delegate').filter({ hasText: email })
  await row.getByRole('button', { name: '撤销' }).click()
  // Revoking asks first.
  await row.getByRole('group').getByRole('button', { name: '撤销' }).click()
  await expect(client.getByTestId('delegate').filter({ hasText: email })).toHaveCount(0)

  // The stream was re-scoped in place (told so), not dropped and reopened.
  await expect.poll(async () => (await recorded(delegate)).some((e) => e.name === 'scope')).toBe(true)
  expect(await streamState(delegate)).toBe(1) // EventSource.OPEN

  await client.goto(`/portal/requests/${requestId}`)
  await waitForLive(client)
  await recordStream(client)
  await client.getByLabel('给管家留言').fill('第二条：改成三张')
  await client.getByRole('button', { name: '发送' }).click()
  // The client's own stream hears it, so the notification has gone round every process...
  await expect.poll(async () => (await recorded(client)).filter((e) => e.name === 'message.created').length).toBe(1)
  await delegate.waitForTimeout(500)
  // ...and the delegate's open stream did not receive it, nor anything else of the client.
  const after = (await recorded(delegate)).slice((await recorded(delegate)).findIndex((e) => e.name === 'scope'))
  expect(after.filter((e) => e.data.requestId)).toEqual([])
  expect((await recorded(delegate)).filter((e) => e.name === 'message.created')).toHaveLength(1)
})

test('a request whose answer is lost, filed again after a reload, is stored once with one clock', async ({
  browser,
}) => {
  const title = `断网后重试 ${Date.now() % 100000}`
  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  await client.goto('/portal/requests/new')
  await client.getByText('其他', { exact: true }).click()
  await client.getByLabel('简要描述').fill(title)
  const wasDropped = await dropNextAnswer(client)
  await client.getByRole('button', { name: '提交需求' }).click()
  await expect(client.locator('form [role="alert"]')).toContainText('连接中断')
  expect(wasDropped()).toBe(true)
  // The server did store it; the browser never heard.
  expect(await sql(`SELECT 1 FROM "ServiceRequest" WHERE title = $1`, [title])).toHaveLength(1)

  await client.reload()
  // The draft survives the reload: its text, its category and its key.
  await expect(client.getByLabel('简要描述')).toHaveValue(title)
  await expect(client.getByRole('radio', { name: '其他' })).toBeChecked()
  await client.getByRole('button', { name: '提交需求' }).click()
  await expect(client).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)

  const rows = await sql<{ id: string; clocks: number }>(
    `SELECT r.id, (SELECT count(*)::int FROM "SlaTimer" t WHERE t."requestId" = r.id AND t.kind = 'FIRST_RESPONSE') AS clocks
     FROM "ServiceRequest" r WHERE r.title = $1`,
    [title],
  )
  expect(rows).toHaveLength(1)
  expect(rows[0].clocks).toBe(1)
  expect(client.url()).toContain(rows[0].id)

  // A new draft starts empty, with a new key.
  await client.goto('/portal/requests/new')
  await expect(client.getByLabel('简要描述')).toHaveValue('')
})

test('a message whose answer is lost shows as not sent, and sent again after a reload is stored once', async ({
  browser,
}) => {
  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  const requestId = await fileRequest(client, `留言重试 ${Date.now() % 100000}`)
  const body = `请把接机时间改到 ${Date.now() % 100000}`
  await client.getByLabel('给管家留言').fill(body)
  await dropNextAnswer(client, 1_500)
  await client.getByRole('button', { name: '发送' }).click()
  // Shown at once as pending, before the server has even received it.
  await expect(client.getByTestId('message-pending')).toHaveAttribute('data-state', 'sending')
  await expect(client.getByTestId('message-pending')).toContainText(body)
  // The answer is lost: the composer says so and keeps the text. The server did store it, so the
  // thread shows it once: confirmed by the live event, or marked as not sent.
  await expect(client.locator('form [role="alert"]')).toContainText('连接中断')
  await expect(client.getByLabel('给管家留言')).toHaveValue(body)
  await expect(client.getByRole('list', { name: '沟通记录' }).getByText(body)).toHaveCount(1)
  expect(await sql(`SELECT 1 FROM "Message" WHERE body = $1`, [body])).toHaveLength(1)

  await client.reload()
  await expect(client.getByLabel('给管家留言')).toHaveValue(body)
  await client.getByRole('button', { name: '发送' }).click()
  await expect(client.getByTestId('message').filter({ hasText: body })).toHaveCount(1)
  await expect(client.getByTestId('message-pending')).toHaveCount(0)
  await expect(client.getByLabel('给管家留言')).toHaveValue('')

  const stored = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Message" WHERE body = $1 AND "requestId" = $2`,
    [body, requestId],
  )
  expect(stored[0].n).toBe(1)
})
