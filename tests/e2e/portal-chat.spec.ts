import { expect, test } from './fixtures'
import { newSignedInPage, sql, waitForLive } from './helpers'
import { people } from './people'

// A 1x1 PNG: a photo the client sends with a request.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

test('at 375 px the request is a conversation: butler, bubbles, photo inline, read receipts, booking with add-to-calendar', async ({
  browser,
}) => {
  // Its own title, so a retry does not find the first try's request beside it.
  const title = `周五订花 白色百合 ${Date.now() % 100000}`
  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  await client.goto('/portal/requests/new')
  await client.getByText('其他', { exact: true }).click()
  await client.getByLabel('简要描述').fill(title)
  // The file picker is the page's own, in the page's language, and names the chosen file.
  await expect(client.getByTestId('file-chosen')).toHaveText('未选择文件')
  await client.getByLabel('添加附件').setInputFiles({ name: 'lilies.png', mimeType: 'image/png', buffer: PHOTO })
  await expect(client.getByTestId('file-chosen')).toHaveText('lilies.png')
  await client.getByRole('button', { name: '提交需求' }).click()
  await expect(client).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)
  const requestId = client.url().split('/').pop()!
  await waitForLive(client)

  // Who the client talks to, what was asked, and the photo as a thumbnail in the flow.
  await expect(client.getByTestId('thread-butler')).toContainText('林静')
  await expect(client.getByTestId('request-card')).toContainText(title)
  await expect(client.getByTestId('thread').getByRole('img', { name: 'lilies.png' })).toBeVisible()

  await client.getByLabel('给管家留言').fill('请在早上九点前送到')
  await client.getByRole('button', { name: '发送' }).click()
  const mine = client.getByTestId('message').filter({ hasText: '请在早上九点前送到' })
  await expect(mine).toHaveAttribute('data-from', 'me')
  await expect(mine.locator('time')).toContainText(/^今天 \d{2}:\d{2}$/)
  await expect(client.getByTestId('read-status')).toHaveText('已送达')

  // The butler opens the conversation: the client's message reads as read, live.
  const butler = await newSignedInPage(browser, people.butlerA)
  await butler.goto(`/console/requests/${requestId}`)
  await expect(butler.getByTestId('message').filter({ hasText: '请在早上九点前送到' })).toHaveAttribute(
    'data-from',
    'them',
  )
  await expect(client.getByTestId('read-status')).toHaveText('已读')

  await butler.getByRole('textbox', { name: '回复 王先生' }).fill('已为您预订，九点前送达。')
  await butler.getByRole('button', { name: '发送' }).click()
  const reply = client.getByTestId('message').filter({ hasText: '已为您预订，九点前送达。' })
  await expect(reply).toHaveAttribute('data-from', 'them')
  await expect(reply).toContainText('林静')

  // A booking the team confirmed appears as a card with add-to-calendar, for this client only.
  const [vendor] = await sql<{ id: string }>(`SELECT id FROM "Vendor" ORDER BY name LIMIT 1`)
  const [task] = await sql<{ id: string }>(
    `INSERT INTO "VendorTask" (id, "requestId", "vendorId", description, status, "confirmationRef", "dueAt")
     VALUES ('e2e-' || md5(random()::text), $1, $2, '白色百合 一束', 'CONFIRMED', 'FL-2088', now() + interval '2 days')
     RETURNING id`,
    [requestId, vendor.id],
  )
  await client.reload()
  const booking = client.getByTestId('confirmation')
  await expect(booking).toContainText('白色百合 一束')
  await expect(booking).toContainText('FL-2088')
  const href = await booking.getByTestId('add-to-calendar').getAttribute('href')
  const ics = await client.request.get(href!)
  expect(ics.headers()['content-type']).toContain('text/calendar')
  expect(await ics.text()).toContain('SUMMARY:白色百合 一束')
  const stranger = await newSignedInPage(browser, people.clientB, { width: 375 })
  expect((await stranger.request.get(`/portal/confirmations/${task.id}/calendar`)).status()).toBe(404)

  // Home: the open request with its last message; the reply was read on the thread.
  await client.goto('/portal')
  const row = client.getByTestId('portal-request').filter({ hasText: title })
  await expect(row.getByTestId('last-message')).toContainText('林静：已为您预订，九点前送达。')
  await expect(row.getByLabel('新回复')).toHaveCount(0)

  // A new reply reaches the open home from its event: the preview and the unread mark change in
  // place, without the page being read again from the server.
  await waitForLive(client)
  const pageReads: string[] = []
  // A prefetch of a link on the page (the new-request form) is not this page read again.
  client.on('request', (r) => {
    if (r.headers()['rsc'] && !r.headers()['next-router-prefetch']) pageReads.push(r.url())
  })
  await butler.getByRole('textbox', { name: '回复 王先生' }).fill('司机已出发。')
  await butler.getByRole('button', { name: '发送' }).click()
  await expect(row.getByTestId('last-message')).toContainText('林静：司机已出发。')
  await expect(row.getByLabel('新回复')).toBeVisible()
  expect(pageReads).toEqual([])
})

test('the profile reads as cards; a family birthday is picked with a date input and shown as a date, not ISO', async ({
  browser,
}) => {
  const page = await newSignedInPage(browser, people.clientA, { width: 375 })
  await page.goto('/portal/profile')
  await expect(page.getByTestId('profile-zone')).toHaveText('上海 (GMT+8)')
  const family = page.getByTestId('family')
  await family.getByRole('button', { name: '添加' }).click()
  const sheet = page.getByRole('dialog', { name: '新增家庭成员' })
  await sheet.getByLabel('姓名').fill('王小明')
  await sheet.getByLabel('关系').fill('儿子')
  await expect(sheet.getByLabel('生日')).toHaveAttribute('type', 'date')
  await sheet.getByLabel('生日').fill('2010-11-27')
  await sheet.getByRole('button', { name: '添加' }).click()
  await expect(sheet).toBeHidden()
  const member = family.getByTestId('family-member').filter({ hasText: '王小明' })
  await expect(member).toContainText('2010年11月27日')
  await expect(member).not.toContainText('2010-11-27')

  // Deleting asks first.
  await member.getByRole('button', { name: '编辑 王小明' }).click()
  const edit = page.getByRole('dialog', { name: '王小明' })
  await edit.getByRole('button', { name: '删除' }).click()
  await expect(edit.getByRole('group', { name: '删除「王小明」？' })).toBeVisible()
  await edit.getByRole('group').getByRole('button', { name: '删除' }).click()
  await expect(family.getByTestId('family-member').filter({ hasText: '王小明' })).toHaveCount(0)
})
