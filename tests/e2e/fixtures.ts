import { expect, test as base } from '@playwright/test'
import { takePageErrors } from './helpers'

export const test = base.extend<{ cleanBrowser: void }>({
  // After each test: fail if any page it opened threw in the browser (a crash the user would
  // see as "This page couldn't load", even when the assertions happened to pass first), and
  // close every browser context it opened, so open event streams do not pile up on the server
  // from test to test.
  cleanBrowser: [
    async ({ browser }, use) => {
      takePageErrors()
      await use()
      const errors = takePageErrors()
      await Promise.all(browser.contexts().map((c) => c.close().catch(() => {})))
      expect(errors, 'uncaught errors in the browser').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
