import { expect, test } from './fixtures'
import { newSignedInPage, sql } from './helpers'
import { people } from './people'

const requestCount = async () => Number((await sql<{ n: string }>('SELECT count(*) AS n FROM "ServiceRequest"'))[0].n)

test('invalid input gets messages next to the fields and writes nothing', async ({ browser }) => {
  const page = await newSignedInPage(browser, people.clientA, { width: 375, locale: 'en' })
  await page.goto('/portal/requests/new')
  // The profile's language wins over the browser's: this client reads Chinese.
  await expect(page.getByRole('heading', { name: '我们能为您做些什么？' })).toBeVisible()
  const before = await requestCount()

  await page.getByLabel('乘客人数').fill('')
  await page.getByRole('button', { name: '提交需求' }).click()
  await expect(page.locator('#f-title-error')).toHaveText('此项为必填。')
  await expect(page.locator('#f-details-flightNumber-error')).toHaveText('机场接送需要填写航班号。')
  await expect(page.locator('#f-details-passengers-error')).toHaveText('乘客人数须为 1 到 20 的整数。')
  await expect(page.getByLabel('简要描述')).toHaveAttribute('aria-invalid', 'true')

  // A 100 KB title, sent past the browser's maxlength, is refused by the server.
  await page.getByLabel('简要描述').evaluate((el) => el.removeAttribute('maxlength'))
  await page.getByLabel('简要描述').fill('x'.repeat(100_000))
  await page.getByLabel('航班号').fill('CA981')
  await page.getByLabel('乘客人数').fill('2')
  await page.getByRole('button', { name: '提交需求' }).click()
  await expect(page.locator('#f-title-error')).toHaveText('内容过长。')

  // Health needs its own fields.
  await page.getByText('健康', { exact: true }).click()
  await page.getByLabel('简要描述').fill('Cardiology appointment')
  await page.getByRole('button', { name: '提交需求' }).click()
  await expect(page.locator('#f-details-hospital-error')).toHaveText('此项为必填。')
  await expect(page.locator('#f-details-department-error')).toHaveText('此项为必填。')

  expect(await requestCount()).toBe(before)
})

test('an English-speaking client gets the portal and its messages in English', async ({ browser }) => {
  const page = await newSignedInPage(browser, people.clientB, { width: 375, timezoneId: 'Europe/London' })
  await page.goto('/portal/requests/new')
  await expect(page.getByRole('heading', { name: 'What can we do for you?' })).toBeVisible()
  await page.getByRole('button', { name: 'Send request' }).click()
  await expect(page.locator('#f-title-error')).toHaveText('This is required.')
})
