import { expect, test } from './fixtures'
import { people } from './people'

test('a refused sign-in keeps what was typed and says why in the visitor’s language', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage()
  const email = `typo-${Date.now()}@e2e.test`
  await page.goto('/login')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill('wrong password')
  await page.locator('form button[type="submit"]').click()
  await expect(page.locator('form [role="alert"]')).toHaveText('The email or password is incorrect.')
  await expect(page.locator('input[name="email"]')).toHaveValue(email)
  await expect(page.locator('input[name="password"]')).toHaveValue('wrong password')

  // The connection drops before the answer: still nothing typed is lost, and the words are ours.
  await page.route('**/login', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()))
  await page.locator('form button[type="submit"]').click()
  await expect(page.locator('form [role="alert"]')).toHaveText(
    'The connection was lost before the answer came. Nothing you typed is lost: try again.',
  )
  await expect(page.locator('input[name="email"]')).toHaveValue(email)
  await expect(page).toHaveURL(/\/login/)
})

test('sign-in is rate limited per account with one answer for known and unknown emails', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  const attempt = async (email: string) => {
    await page.goto('/login')
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill('wrong password')
    await page.locator('form button[type="submit"]').click()
    return page.locator('form [role="alert"]').textContent()
  }
  const unknown = `ghost-${Date.now()}@e2e.test`
  // Same words whether or not the account exists.
  expect(await attempt(unknown)).toBe('邮箱或密码不正确。')
  expect(await attempt(people.clientB)).toBe('邮箱或密码不正确。')
  for (let i = 0; i < 4; i++) await attempt(unknown)
  expect(await attempt(unknown)).toMatch(/^尝试次数过多，请 \d+ 分钟后再试。$/)
})

test('pages carry security headers; pages with client data are not stored', async ({ request }) => {
  const login = await request.get('/login')
  const csp = login.headers()['content-security-policy']
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("object-src 'none'")
  expect(login.headers()['x-frame-options']).toBe('DENY')
  expect(login.headers()['x-content-type-options']).toBe('nosniff')
  const portal = await request.get('/portal', { maxRedirects: 0 })
  expect(portal.headers()['cache-control']).toContain('no-store')
  const health = await request.get('/api/health')
  expect(health.headers()['cache-control']).toContain('no-store')
})
