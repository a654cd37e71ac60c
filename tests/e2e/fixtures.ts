import { expect, test as base } from '@playwright/test'
import { takePageErrors } from './helpers'

// Every test fails if any page it opened threw in the browser (a crash the user would see as
// "This page couldn't load", even when the assertions happened to pass first).
export const test = base.extend<{ noPageErrors: void }>({
  noPageErrors: [async ({}, use) => {
    takePageErrors()
    await use()
    expect(takePageErrors(), 'uncaught errors in the browser').toEqual([])
  }, { auto: true }],
})

export { expect }
