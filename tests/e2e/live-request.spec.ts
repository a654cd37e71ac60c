import { expect, test } from './fixtures'
import { newSignedInPage, sql, waitForLive } from './helpers'
import { people } from './people'

test('a client request reaches the butler live, the reply reaches the client live, and the clock is met', async ({
  browser,
}) => {
  const butler = await newSignedInPage(browser, people.butlerA)
  await expect(butler).toHaveURL(/\/console$/)
  await waitForLive(butler)

  const supervisor = await newSignedInPage(browser, people.supervisor)
  await expect(supervisor).toHaveURL(/\/supervisor$/)
  await waitForLive(supervisor)

  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  await expect(client).toHaveURL(/\/portal$/)
  await client.getByRole('link', { name: '新的需求' }).click()
  await client.getByLabel('简要描述').fill('浦东机场接机')
  await client.getByLabel('航班号').fill('CA981')
  await client.getByLabel('乘客人数').fill('2')
  await client.getByRole('button', { name: '提交需求' }).click()
  await expect(client).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)
  await waitForLive(client)
  const submittedAt = Date.now()

  // The butler's queue shows it without a reload, with a ticking clock.
  const row = butler.getByTestId('queue-row').filter({ hasText: '浦东机场接机' })
  await expect(row).toBeVisible({ timeout: 2_000 })
  expect(Date.now() - submittedAt).toBeLessThan(2_000)
  const clock = row.getByTestId('sla-clock')
  await expect(clock).toHaveAttribute('data-state', 'ON_TRACK')
  const first = await clock.textContent()
  await expect.poll(() => clock.textContent(), { timeout: 3_000 }).not.toBe(first)

  // The supervisor board shows it too, live.
  await expect(supervisor.getByTestId('queue-row').filter({ hasText: '浦东机场接机' })).toBeVisible({ timeout: 2_000 })

  await row.getByRole('link', { name: '浦东机场接机' }).click()
  await butler.getByRole('textbox', { name: '回复 王先生' }).fill('已为您安排专车，司机将提前 30 分钟到达。')
  await butler.getByRole('button', { name: '发送' }).click()

  // The client sees the reply without reloading; the clock is met.
  await expect(client.getByText('已为您安排专车，司机将提前 30 分钟到达。')).toBeVisible({ timeout: 2_000 })
  await expect(client.getByTestId('request-status')).toHaveText('已响应')
  // The client no longer sees a countdown; staff see the first-response clock as met.
  await expect(client.getByTestId('sla-clock')).toHaveCount(0)
  // The request's own clock (in its header and its folded clocks), not the queue rail's rows.
  await butler.locator('summary', { hasText: '时钟' }).click()
  const firstResponse = butler.locator(
    '[data-testid="sla-clock"][data-kind="FIRST_RESPONSE"]:not([data-testid="queue-rail"] *)',
  )
  await expect(firstResponse.first()).toHaveAttribute('data-state', 'MET')

  const [timer] = await sql<{ met: boolean; ms: number }>(
    `SELECT "metAt" < "dueAt" AS met, EXTRACT(EPOCH FROM "metAt" - "startedAt") * 1000 AS ms
     FROM "SlaTimer" t JOIN "ServiceRequest" r ON r.id = t."requestId" WHERE r.title = $1 AND t.kind = 'FIRST_RESPONSE'`,
    ['浦东机场接机'],
  )
  expect(timer.met).toBe(true)
  expect(Number(timer.ms)).toBeGreaterThan(0)
})
