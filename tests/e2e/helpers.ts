import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import pg from 'pg'
import { totpCode } from '../../lib/auth/totp'
import { E2E_PASSWORD, TOTP_SECRETS } from './people'

async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(E2E_PASSWORD)
  await page.locator('form button[type="submit"]').click()
  const secret = TOTP_SECRETS[email]
  if (secret) await enterAuthenticatorCode(page, secret)
  await expect(page).not.toHaveURL(/\/login/)
}

// A code is accepted once: a second sign-in within the same 30 s waits for the next code.
async function enterAuthenticatorCode(page: Page, secret: string) {
  const code = page.locator('input[name="code"]')
  for (let attempt = 0; attempt < 2; attempt++) {
    await code.fill(totpCode(secret))
    await page.locator('form button[type="submit"]').click()
    const outcome = await Promise.race([
      page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 10_000 }).then(() => 'in' as const),
      page
        .locator('form [role="alert"]')
        .waitFor({ timeout: 10_000 })
        .then(() => 'refused' as const),
    ])
    if (outcome === 'in') return
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500)
  }
}

const pageErrors: string[] = []

export function takePageErrors() {
  return pageErrors.splice(0, pageErrors.length)
}

// Staff with an authenticator sign in once per run and reuse the session, as a person
// would: typing a fresh code for each test would wait out the 30 s step every time.
const keptSessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>()

export async function newSignedInPage(
  browser: Browser,
  email: string,
  opts: { width?: number; locale?: string; timezoneId?: string } = {},
) {
  const kept = keptSessions.get(email)
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1440, height: opts.width && opts.width < 500 ? 812 : 900 },
    locale: opts.locale ?? 'zh-CN',
    timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
    storageState: kept,
  })
  const page = await context.newPage()
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`))
  // A message the browser's catalogue lacks (lib/i18n/client-catalogue.ts) fails the test too.
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('MISSING_MESSAGE')) pageErrors.push(`${page.url()}: ${m.text()}`)
  })
  if (kept) {
    await page.goto('/')
    if (!new URL(page.url()).pathname.startsWith('/login')) return page
  }
  await signIn(page, email)
  if (TOTP_SECRETS[email]) keptSessions.set(email, await context.storageState())
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
