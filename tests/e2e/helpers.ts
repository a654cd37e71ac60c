import { expect, type Browser, type Page } from '@playwright/test'
import pg from 'pg'
import { E2E_PASSWORD } from './people'

export async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(E2E_PASSWORD)
  await page.locator('form button[type="submit"]').click()
  await expect(page).not.toHaveURL(/\/login/)
}

const pageErrors: string[] = []

export function takePageErrors() {
  return pageErrors.splice(0, pageErrors.length)
}

export async function newSignedInPage(browser: Browser, email: string, opts: { width?: number; locale?: string; timezoneId?: string } = {}) {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1440, height: opts.width && opts.width < 500 ? 812 : 900 },
    locale: opts.locale ?? 'zh-CN',
    timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
  })
  const page = await context.newPage()
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`))
  await signIn(page, email)
  return page
}

// Direct reads to prove what was (not) written.
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

export async function waitForLive(page: Page) {
  await expect(page.getByTestId('live-status').first()).toHaveAttribute('data-connected', 'true')
}
