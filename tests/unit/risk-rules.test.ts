import { describe, expect, it } from 'vitest'
import { isMinor, matchRules, type RiskRuleRow } from '../../lib/risk/rules'

const rule = (r: Partial<RiskRuleRow> & Pick<RiskRuleRow, 'kind'>): RiskRuleRow => ({
  id: r.kind,
  label: r.kind,
  category: null,
  service: null,
  keywords: [],
  threshold: null,
  currency: null,
  days: null,
  ...r,
})

describe('risk rule matching', () => {
  it('matches keywords case-insensitively in English and as written in Chinese', () => {
    const rules = [rule({ kind: 'KEYWORD', keywords: ['Bypass', '绕过'] })]
    expect(matchRules(rules, { texts: ['please bYpAsS it'] })).toMatchObject([{ detail: 'Bypass' }])
    expect(matchRules(rules, { texts: ['', '帮我绕过规定'] })).toMatchObject([{ detail: '绕过' }])
    expect(matchRules(rules, { texts: ['by pass'] })).toEqual([])
  })

  it('matches spend strictly above the threshold and only in its currency', () => {
    const rules = [rule({ kind: 'SPEND', threshold: 50000, currency: 'CNY' })]
    expect(matchRules(rules, { spend: { cost: 50000, currency: 'CNY' } })).toEqual([])
    expect(matchRules(rules, { spend: { cost: 50000.01, currency: 'CNY' } })).toHaveLength(1)
    expect(matchRules(rules, { spend: { cost: 900000, currency: 'JPY' } })).toEqual([])
  })

  it('matches a category, or one service in it', () => {
    const any = rule({ kind: 'CATEGORY', category: 'TRAVEL' })
    const one = rule({ kind: 'CATEGORY', category: 'TRAVEL', service: 'AIRPORT_TRANSFER' })
    expect(matchRules([any, one], { category: 'TRAVEL', service: 'FLIGHT' })).toMatchObject([{ kind: 'CATEGORY' }])
    expect(matchRules([any, one], { category: 'TRAVEL', service: 'AIRPORT_TRANSFER' })).toHaveLength(2)
    expect(matchRules([any, one], { category: 'LIVING' })).toEqual([])
  })

  it('matches a delegate only for health or a minor, and a new contact only under N days', () => {
    const rules = [rule({ kind: 'DELEGATE' }), rule({ kind: 'NEW_CONTACT', days: 7 })]
    expect(matchRules(rules, { byDelegate: true, category: 'HEALTH' })).toMatchObject([{ kind: 'DELEGATE' }])
    expect(matchRules(rules, { byDelegate: true, category: 'TRAVEL', minorTravellers: ['Tom'] })).toHaveLength(1)
    expect(matchRules(rules, { byDelegate: true, category: 'TRAVEL', minorTravellers: [] })).toEqual([])
    expect(matchRules(rules, { byDelegate: false, category: 'HEALTH' })).toEqual([])
    expect(matchRules(rules, { channelContactAgeDays: 6.9 })).toMatchObject([{ kind: 'NEW_CONTACT' }])
    expect(matchRules(rules, { channelContactAgeDays: 7 })).toEqual([])
    expect(matchRules(rules, {})).toEqual([])
  })

  it('counts someone as a minor until their 18th birthday', () => {
    const born = new Date('2008-11-24')
    expect(isMinor(born, new Date('2026-11-23T23:59:59Z'))).toBe(true)
    expect(isMinor(born, new Date('2026-11-24T00:00:00Z'))).toBe(false)
  })
})
