import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { newSignedInPage, sql, waitForLive } from './helpers'
import { people } from './people'

async function fileRequest(client: Page, title: string) {
  await client.goto('/portal/requests/new')
  await client.getByText('品质生活', { exact: true }).click()
  await client.getByLabel('简要描述').fill(title)
  await client.getByRole('button', { name: '提交需求' }).click()
  await expect(client).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)
  return client.url().split('/').pop()!
}

test('the queue previews the last message and marks it unread; two people on one request see each other viewing and replying', async ({
  browser,
}) => {
  const title = `周日晚宴包间 ${Date.now() % 100000}`
  const butler = await newSignedInPage(browser, people.butlerA)
  await waitForLive(butler)
  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  const requestId = await fileRequest(client, title)
  await client.locator('#composer-body').fill('请安排靠窗的位置，谢谢')
  await client.locator('form:has(#composer-body) button[type="submit"]').click()

  // Live in the queue: the client's words as a preview, marked unread.
  const row = butler.getByTestId('queue-row').filter({ hasText: title })
  await expect(row.getByTestId('queue-preview')).toContainText('请安排靠窗的位置，谢谢')
  await expect(row).toHaveAttribute('data-unread', 'true')
  // The butler holds it: no "Take" even while it is offered to everyone.
  await sql(`UPDATE "ServiceRequest" SET "offerStage" = 'ALL' WHERE id = $1`, [requestId])
  await butler.reload()
  await expect(row.getByText('已转派全体在岗管家')).toBeVisible()
  await expect(row.getByRole('button', { name: '接单' })).toHaveCount(0)
  await sql(`UPDATE "ServiceRequest" SET "offerStage" = NULL WHERE id = $1`, [requestId])

  // Opened: read. The client's message shows the butler's time and the client's own.
  await row.getByRole('link').click()
  await expect(butler.getByTestId('message').first()).toBeVisible()
  const supervisor = await newSignedInPage(browser, people.supervisor)
  await supervisor.goto(`/console/requests/${requestId}`)
  await expect(butler.getByTestId('watchers')).toHaveText('陈敏 正在查看', { timeout: 10_000 })
  await expect(supervisor.getByTestId('watchers')).toHaveText('林静 正在查看', { timeout: 10_000 })

  // Typing is replying: the butler is warned before answering twice.
  await supervisor.locator('#composer-body').pressSequentially('您好')
  await expect(butler.getByTestId('watchers')).toHaveText('陈敏 正在回复…', { timeout: 10_000 })
  await butler.locator('#composer-body').fill('已为您预订')
  await expect(butler.getByRole('status').filter({ hasText: '陈敏 正在回复此需求' })).toBeVisible({ timeout: 10_000 })

  // Leaving the page ends it.
  await supervisor.goto('/supervisor')
  await expect(butler.getByTestId('watchers')).toHaveText('', { timeout: 12_000 })

  await butler.goto('/console')
  await expect(butler.getByTestId('queue-row').filter({ hasText: title })).not.toHaveAttribute('data-unread', 'true')
})

test('the console loads one page of a long queue, shows more on demand, and a new urgent request still arrives at once', async ({
  browser,
}) => {
  const [{ clientId, userId, butlerId }] = await sql<{ clientId: string; userId: string; butlerId: string }>(
    `SELECT c.id AS "clientId", c."userId", u.id AS "butlerId" FROM "Client" c, "User" u
     WHERE c."userId" = (SELECT id FROM "User" WHERE email = $1) AND u.email = $2`,
    [people.clientA, people.butlerA],
  )
  await sql(
    `INSERT INTO "ServiceRequest" (id, "clientId", "createdById", "assigneeId", category, title, status, "updatedAt")
     SELECT 'e2e-paged-' || g, $1, $2, $3, 'OTHER', '批量需求 ' || g, 'IN_PROGRESS', now() FROM generate_series(1, 60) g`,
    [clientId, userId, butlerId],
  )
  try {
    const butler = await newSignedInPage(browser, people.butlerA)
    await butler.goto('/console?view=mine')
    await waitForLive(butler)
    // One page: 25 rows (QUEUE_PAGE_SIZE in lib/console/queue.ts).
    const rows = butler.getByTestId('queue-row')
    await expect(rows).toHaveCount(25)
    const total = Number((await butler.getByTestId('queue-shown').textContent())!.match(/共 (\d+)/)![1])
    expect(total).toBeGreaterThanOrEqual(60)

    // A new request, due in minutes, goes ahead of the quiet ones, at once and named in the alert.
    const client = await newSignedInPage(browser, people.clientA, { width: 375 })
    const title = `紧急：明早航班改签 ${Date.now() % 100000}`
    await fileRequest(client, title)
    await expect(butler.getByTestId('queue-row').filter({ hasText: title })).toBeVisible({ timeout: 3_000 })
    await expect(butler.getByTestId('sla-alert')).toContainText(`王先生 · ${title}`)

    // More on demand, from the keyboard.
    await butler.getByTestId('queue-more').focus()
    await butler.keyboard.press('Enter')
    await expect(rows).toHaveCount(Math.min(total + 1, 50))
  } finally {
    await sql(`DELETE FROM "ServiceRequest" WHERE id LIKE 'e2e-paged-%'`)
  }
})

test('the request page renders its occasional forms when their fold opens, and keeps what was typed in them', async ({
  browser,
}) => {
  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  const requestId = await fileRequest(client, `家中管道检修 ${Date.now() % 100000}`)
  const butler = await newSignedInPage(browser, people.butlerA)
  await butler.goto(`/console/requests/${requestId}`)

  // Folded, the forms are not in the page at all.
  await expect(butler.locator('#ho-need')).toHaveCount(0)
  await expect(butler.locator('#tr-reason')).toHaveCount(0)
  const handoff = butler.locator('summary', { hasText: '将部分工作交给二线' })
  await handoff.click()
  await butler.locator('#ho-need').fill('请物业工程部周六上午上门检查')
  // Closed and opened again: the words are still there.
  await handoff.click()
  await expect(butler.locator('#ho-need')).toBeHidden()
  await handoff.click()
  await expect(butler.locator('#ho-need')).toHaveValue('请物业工程部周六上午上门检查')

  await butler.locator('summary', { hasText: '转交' }).click()
  await expect(butler.locator('#tr-reason')).toBeVisible()
  await butler.locator('summary', { hasText: '时钟' }).click()
  await expect(butler.locator('[data-testid="sla-clock"][data-kind="FIRST_RESPONSE"]').last()).toBeVisible()
})
