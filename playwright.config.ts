import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}. Install Debian's build: sudo apt-get install -y chromium fonts-noto-cjk ` +
      '(or set CHROMIUM_PATH). Playwright browser downloads are not used.',
  )
}

// One secret for the set-up (which seals authenticator secrets) and both web processes.
process.env.AUTH_SECRET ??= 'e2e-secret-not-for-production-use'

const PORT = Number(process.env.E2E_PORT ?? 3100)
export const BASE_URL = `http://127.0.0.1:${PORT}`
// A second web process on the same database, to prove realtime crosses processes.
export const SECOND_URL = `http://127.0.0.1:${PORT + 1}`

export default defineConfig({
  testDir: 'tests/e2e',
  // Test set-up reaches lib/ outside Next, where 'server-only' resolves to a no-op.
  tsconfig: './tsconfig.node.json',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1`,
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { AUTH_SECRET: process.env.AUTH_SECRET, LOG_LEVEL: 'warn' },
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${PORT + 1} -H 127.0.0.1`,
      url: `${SECOND_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { AUTH_SECRET: process.env.AUTH_SECRET, LOG_LEVEL: 'warn' },
    },
    {
      command: 'node node_modules/tsx/dist/cli.mjs worker/index.ts',
      wait: { stdout: /worker started/ },
      reuseExistingServer: false,
      timeout: 60_000,
      env: { PROCESS_NAME: 'worker' },
    },
  ],
})
