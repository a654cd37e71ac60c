import { describe, expect, it } from 'vitest'
import { currencyForZone } from '../../lib/vendors/currency'
import { ZCreateVendorTask } from '../../lib/vendors/schemas'

describe('vendor cost currency', () => {
  it('follows where the client lives', () => {
    expect(currencyForZone('Europe/London')).toBe('GBP')
    expect(currencyForZone('Europe/Paris')).toBe('EUR')
    expect(currencyForZone('America/New_York')).toBe('USD')
    expect(currencyForZone('Asia/Hong_Kong')).toBe('HKD')
    expect(currencyForZone('Asia/Tokyo')).toBe('JPY')
    expect(currencyForZone('Asia/Singapore')).toBe('SGD')
    expect(currencyForZone('Asia/Shanghai')).toBe('CNY')
    // Anywhere else: the currency authority limits are set in.
    expect(currencyForZone('Africa/Nairobi')).toBe('CNY')
  })

  it('a blank currency on the form means the client’s own; an unknown one is refused', () => {
    const base = { requestId: 'r1', vendorId: 'v1', description: '晚餐', cost: '120', dueAt: '2026-12-01T19:00' }
    const blank = ZCreateVendorTask.safeParse({ ...base, currency: '' })
    expect(blank.success && blank.data.currency).toBeUndefined()
    expect(ZCreateVendorTask.safeParse({ ...base, currency: 'GBP' }).data?.currency).toBe('GBP')
    expect(ZCreateVendorTask.safeParse({ ...base, currency: 'XXX' }).error?.issues[0].message).toBe('errors.currency')
  })
})
