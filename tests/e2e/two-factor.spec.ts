import type { Page } from '@playwright/test'
import { totpCode } from '../../lib/auth/totp'
import { expect, test } from './fixtures'
import { newSignedInPage, sql } from './helpers'
import { E2E_PASSWORD, people } from './people'

async function passwordStep(page: Page, email: string) {
  await page.goto('/login')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(E2E_PASSWORD)
  await page.locator('form button[type="submit"]').click()
  await expect(page.locator('input[name="code"]')).toBeVisible()
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page).toHaveURL(/\/login/)
}

test('a supervisor sets up an authenticator before anything else, then signs in with codes and recovery codes', async ({
  browser,
}) => {
  // First sign-in: the password alone only opens the set-up page.
  const page = await newSignedInPage(browser, people.newSupervisor)
  await expect(page).toHaveURL(/\/account\/two-factor/)
  await page.goto('/supervisor')
  await expect(page).toHaveURL(/\/account\/two-factor/)
  expect((await page.request.get('/api/export/requests')).status()).toBe(403)

  await page.getByRole('button', { name: '设置验证器' }).click()
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '')
  await expect(page.locator('svg').first()).toBeVisible()
  await page.locator('input[name="code"]').fill('000000')
  await page.getByRole('button', { name: '开启' }).click()
  await expect(page.getByText('验证码无效')).toBeVisible()
  await page.locator('input[name="code"]').fill(totpCode(secret))
  await page.getByRole('button', { name: '开启' }).click()
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10)
  const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents()
  await page.getByRole('link', { name: '我已保存' }).click()
  await expect(page).toHaveURL(/\/supervisor/)
  await expect(page.getByTestId('two-factor-link')).toBeVisible()

  // Next sign-in asks for a code; a wrong one is refused, a recovery code works once.
  await signOut(page)
  await passwordStep(page, people.newSupervisor)
  await page.locator('input[name="code"]').fill('123456')
  await page.locator('form button[type="submit"]').click()
  await expect(page.locator('form [role="alert"]')).toHaveText('验证码无效，请输入应用中当前显示的验证码。')
  await page.locator('input[name="code"]').fill(codes[0])
  await page.locator('form button[type="submit"]').click()
  await expect(page).toHaveURL(/\/supervisor/)
  await page.goto('/account/two-factor')
  await expect(page.getByTestId('second-factor-status')).toContainText('剩余 9 个恢复码')

  await signOut(page)
  await passwordStep(page, people.newSupervisor)
  await page.locator('input[name="code"]').fill(codes[0])
  await page.locator('form button[type="submit"]').click()
  await expect(page.locator('form [role="alert"]')).toBeVisible()
  // The next 30-second code (a phone a little ahead) is accepted; the enrolment code is spent.
  await page.locator('input[name="code"]').fill(totpCode(secret, Date.now() + 30_000))
  await page.locator('form button[type="submit"]').click()
  await expect(page).toHaveURL(/\/supervisor/)

  // An admin resets it (phone lost): the supervisor's session ends at once.
  const admin = await newSignedInPage(browser, people.admin)
  const row = admin.getByTestId('staff-row').filter({ hasText: people.newSupervisor })
  await expect(row.getByTestId('second-factor')).toHaveText('两步验证已开启')
  await row.getByRole('button', { name: '重置两步验证' }).click()
  await expect(row.getByTestId('second-factor')).toHaveText('两步验证已开启')
  await row.getByRole('group', { name: '重置 高远 的两步验证？' }).getByRole('button', { name: '重置两步验证' }).click()
  await expect(row.getByTestId('second-factor')).toHaveText('两步验证未开启')
  await page.reload()
  await expect(page).toHaveURL(/\/login/)
  const [audit] = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'auth.second_factor_reset'`,
  )
  expect(Number(audit.n)).toBe(1)
})
