import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { newSignedInPage, sql, waitForLive } from './helpers'
import { people } from './people'

async function fileTransfer(client: Page, title: string) {
  await client.goto('/portal/requests/new')
  await client.getByLabel('简要描述').fill(title)
  await client.getByLabel('航班号').fill('MU588')
  await client.getByLabel('乘客人数').fill('3')
  await client.getByRole('button', { name: '提交需求' }).click()
  await expect(client).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)
}

test('a butler works a travel request from new to fulfilled with the keyboard; spend over the limit waits for a supervisor', async ({
  browser,
}) => {
  const butler = await newSignedInPage(browser, people.butlerA)
  await waitForLive(butler)
  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  await fileTransfer(client, '虹桥机场送机 MU588')

  // Queue: the new request arrives live. The first Tab stop skips to the queue, whose highlighted
  // row takes focus; j/k move it, and Enter opens it only while the queue has focus.
  const row = butler.getByTestId('queue-row').filter({ hasText: '虹桥机场送机 MU588' })
  await expect(row).toBeVisible()
  const rows = butler.getByTestId('queue-row')
  const index = await rows.evaluateAll(
    (els, title) => els.findIndex((e) => e.textContent?.includes(title as string)),
    '虹桥机场送机 MU588',
  )
  await butler.keyboard.press('Tab')
  await expect(butler.getByRole('link', { name: '跳到队列' })).toBeFocused()
  await butler.keyboard.press('Enter')
  await expect(rows.first()).toBeFocused()
  for (let i = 0; i < index; i++) await butler.keyboard.press('j')
  await expect(rows.nth(index)).toHaveAttribute('aria-selected', 'true')
  await expect(rows.nth(index)).toBeFocused()
  // Enter on a button does what the button does: the shortcut sheet opens, the row stays closed.
  await butler.getByRole('button', { name: /快捷键/ }).focus()
  await butler.keyboard.press('Enter')
  await expect(butler.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible()
  await expect(butler).toHaveURL(/\/console$/)
  await butler.keyboard.press('Escape')
  await rows.nth(index).focus()
  await butler.keyboard.press('Enter')
  await expect(butler).toHaveURL(/\/console\/requests\//)
  // The queue stays beside the conversation, with this request marked as the open one.
  await expect(butler.getByTestId('rail-row').filter({ hasText: '虹桥机场送机 MU588' })).toHaveAttribute(
    'aria-current',
    'page',
  )

  // "?" opens the shortcut sheet, which lists the workspace keys; Escape closes it.
  await butler.keyboard.press('?')
  const sheet = butler.getByRole('dialog', { name: '键盘快捷键' })
  await expect(sheet).toBeVisible()
  for (const label of ['写内部备注', '插入常用回复', '提供替代方案', '队列中的下一个需求']) {
    await expect(sheet.getByText(label)).toBeVisible()
  }
  await expect(sheet.getByText('Ctrl+Enter', { exact: true })).toBeVisible()
  await butler.keyboard.press('Escape')
  await expect(butler.getByRole('dialog')).toBeHidden()

  // n: an internal note, unmistakable before it is sent; r: back to a reply to the client.
  await butler.keyboard.press('n')
  await expect(butler.locator('#composer-body')).toBeFocused()
  await expect(butler.locator('#composer-panel')).toHaveAttribute('data-mode', 'note')
  await expect(butler.getByTestId('composer-audience')).toHaveText('仅团队可见，客户看不到。')
  await butler.keyboard.press('Escape')

  // r: reply; Ctrl+Enter sends. The first reply acknowledges.
  await butler.keyboard.press('r')
  await expect(butler.locator('#composer-body')).toBeFocused()
  await expect(butler.locator('#composer-panel')).toHaveAttribute('data-mode', 'reply')
  await butler.keyboard.type('王先生您好，已为您安排送机，稍后发送司机信息。')
  await butler.keyboard.press('Control+Enter')
  await expect(butler.getByTestId('request-status')).toHaveText('已响应')

  // v: vendor task over the 5,000 CNY limit goes to a supervisor.
  await butler.keyboard.press('Escape')
  await butler.keyboard.press('v')
  await expect(butler.locator('#vt-vendor')).toBeFocused()
  await butler.keyboard.press('ArrowDown')
  await butler.keyboard.press('Tab')
  await butler.keyboard.type('劳斯莱斯专车送机')
  await butler.keyboard.press('Tab')
  await butler.keyboard.type('6800')
  await butler.locator('#vt-due').fill('2030-01-01T06:00')
  await butler.locator('#vt-due').press('Enter')
  await expect(butler.getByText('超出您的授权额度，已提交主管审批。')).toBeVisible()
  await expect(butler.getByTestId('vendor-task').first()).toHaveAttribute('data-status', 'PENDING_APPROVAL')

  const supervisor = await newSignedInPage(browser, people.supervisor)
  const approval = supervisor.getByTestId('approval').filter({ hasText: '劳斯莱斯专车送机' })
  await expect(approval).toContainText('CNY 6800.00')
  await approval.getByRole('button', { name: '批准' }).click()
  await expect(approval).toHaveCount(0)

  // Confirm with the vendor's reference, then s: status -> fulfilled.
  await butler.reload()
  await butler.getByPlaceholder('确认信息（如车牌与司机）').fill('沪A·88888 张师傅 138****0000')
  await butler.getByPlaceholder('确认信息（如车牌与司机）').press('Enter')
  await expect(butler.getByTestId('vendor-task').first()).toHaveAttribute('data-status', 'CONFIRMED')
  await butler.keyboard.press('s')
  await expect(butler.locator('#status-next')).toBeFocused()
  await butler.locator('#status-next').selectOption({ label: '已完成' })
  await butler.locator('#status-next').press('Enter')
  await expect(butler.getByTestId('request-status')).toHaveText('已完成')

  // The client sees the confirmation, not the cost.
  await expect(client.getByText('沪A·88888 张师傅 138****0000')).toBeVisible()
  await expect(client.getByText('6800')).toHaveCount(0)

  const [row2] = await sql<{ status: string }>(`SELECT status FROM "ServiceRequest" WHERE title = $1`, [
    '虹桥机场送机 MU588',
  ])
  expect(row2.status).toBe('FULFILLED')
})

test('never say no: the butler offers an alternative and the client accepts it in the portal', async ({ browser }) => {
  const client = await newSignedInPage(browser, people.clientA, { width: 375 })
  await client.goto('/portal/requests/new')
  await client.getByText('品质生活', { exact: true }).click()
  await client.getByLabel('简要描述').fill('周六 Ultraviolet 十人包场')
  await client.getByRole('button', { name: '提交需求' }).click()
  await expect(client).toHaveURL(/\/portal\/requests\/(?!new$)[\w-]+$/)
  await waitForLive(client)

  const butler = await newSignedInPage(browser, people.butlerA)
  await butler.getByTestId('queue-row').filter({ hasText: '周六 Ultraviolet 十人包场' }).getByRole('link').click()
  await butler.getByRole('button', { name: '提供替代方案' }).click()
  await butler.getByLabel('可以提供的替代方案').fill('周六已满，可安排下周六同一时间，或本周六 Jean-Georges 十人包间。')
  await butler.getByRole('button', { name: '发送给客户' }).click()
  await expect(butler.getByTestId('request-status')).toHaveText('已提供替代方案')

  // Live on the phone: the alternative appears and is accepted.
  const alternative = client.getByTestId('alternative')
  await expect(alternative).toContainText('Jean-Georges')
  await alternative.getByRole('button', { name: '接受', exact: true }).click()
  await expect(client.getByTestId('request-status')).toHaveText('已关闭')
  await expect(alternative).toContainText('已接受')

  // The closed request is rated on the phone.
  await client.getByRole('radio', { name: '4 星（满分 5 星）' }).check({ force: true })
  await client.getByRole('button', { name: '提交评价' }).click()
  await expect(client.getByText('感谢您的评价：4 星')).toBeVisible()
})
