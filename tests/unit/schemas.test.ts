import { describe, expect, it } from 'vitest'
import { ZCreateRequest, ZReply } from '../../lib/requests/schemas'

const issues = (input: unknown) => {
  const r = ZCreateRequest.safeParse(input)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('request schemas', () => {
  it('names every missing field at once, even when a number is also wrong', () => {
    const r = ZCreateRequest.safeParse({
      category: 'TRAVEL',
      title: '',
      details: { service: 'AIRPORT_TRANSFER', flightNumber: '', passengers: '' },
    })
    expect(r.success).toBe(false)
    const paths = r.error!.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['title', 'details.passengers', 'details.flightNumber']))
  })

  it('accepts a complete airport transfer', () => {
    const r = ZCreateRequest.safeParse({
      category: 'TRAVEL',
      title: 'Pick-up',
      details: { service: 'AIRPORT_TRANSFER', flightNumber: 'CA981', passengers: '2' },
    })
    expect(r.success).toBe(true)
    expect(r.success && r.data.details).toMatchObject({ passengers: 2 })
  })

  it('requires a title, and reports it on the title field', () => {
    expect(issues({ category: 'OTHER', title: '   ', details: {} })).toEqual({ title: 'errors.required' })
  })

  it('requires the flight number for an airport transfer', () => {
    expect(issues({ category: 'TRAVEL', title: 'x', details: { service: 'AIRPORT_TRANSFER', passengers: 1 } })).toEqual(
      { 'details.flightNumber': 'errors.flightNumberRequired' },
    )
  })

  it('rejects a malformed flight number and impossible passenger counts', () => {
    expect(
      issues({ category: 'TRAVEL', title: 'x', details: { service: 'FLIGHT', flightNumber: 'CA-98', passengers: 0 } }),
    ).toEqual({ 'details.flightNumber': 'errors.flightNumber', 'details.passengers': 'errors.passengers' })
  })

  it('requires hospital and department for a health request', () => {
    expect(issues({ category: 'HEALTH', title: 'x', details: {} })).toEqual({
      'details.hospital': 'errors.required',
      'details.department': 'errors.required',
    })
  })

  it('refuses a 100 KB title', () => {
    expect(issues({ category: 'OTHER', title: 'x'.repeat(100_000), details: {} })).toEqual({ title: 'errors.tooLong' })
  })

  it('refuses an unknown category', () => {
    expect(Object.keys(issues({ category: 'YACHT', title: 'x', details: {} }))).toEqual(['category'])
  })

  it('reads a checkbox as a boolean for internal notes', () => {
    expect(ZReply.parse({ requestId: 'r', body: 'b', internal: 'on' }).internal).toBe(true)
    expect(ZReply.parse({ requestId: 'r', body: 'b' }).internal).toBe(false)
  })
})

describe('optional numbers', () => {
  it('treats an empty party size as not given, and a bad one as an error', () => {
    expect(
      ZCreateRequest.safeParse({
        category: 'LIVING',
        title: 'Dinner',
        details: { service: 'RESTAURANT', partySize: '' },
      }).success,
    ).toBe(true)
    expect(issues({ category: 'LIVING', title: 'Dinner', details: { service: 'RESTAURANT', partySize: '0' } })).toEqual(
      { 'details.partySize': 'errors.partySize' },
    )
  })
})

describe('a form with no detail fields', () => {
  it('parses an "other" request that sends no details at all', () => {
    expect(ZCreateRequest.safeParse({ category: 'OTHER', title: 'Find a tailor' }).success).toBe(true)
  })
  it('reports the missing details field by field', () => {
    expect(Object.keys(issues({ category: 'HEALTH', title: 'x' }))).toEqual(['details.hospital', 'details.department'])
  })
})
