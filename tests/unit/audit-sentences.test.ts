import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { createTranslator } from 'use-intl/core'
import { describe, expect, it } from 'vitest'
import { auditDetails, auditSentenceKey, auditValues, type AuditRow } from '../../lib/audit/sentences'

const load = (locale: string) => JSON.parse(readFileSync(path.join('messages', `${locale}.json`), 'utf8'))
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'generated'
        ? []
        : sourceFiles(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  )

// Every action string the code records: the action argument of recordAudit (literal or from a
// ternary, "a ? 'x.y' : 'x.z'"), up to the record's entity name, and every `action:` field.
const recordedActions = () => {
  const out = new Set<string>()
  const collect = (text: string) => {
    for (const a of text.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) if (!a[1].startsWith('errors.')) out.add(a[1])
  }
  for (const file of [...sourceFiles('lib'), ...sourceFiles('app'), ...sourceFiles('worker')]) {
    const text = readFileSync(file, 'utf8')
    // The arguments before the entity name ('Vendor'), a template or an options object.
    for (const m of text.matchAll(/recordAudit\(/g)) collect(text.slice(m.index, m.index + 200).split(/'[A-Z]|`|\{/)[0])
    for (const m of text.matchAll(/action:\s*([^\n,]+)/g)) collect(m[1])
  }
  return [...out]
}

const row = (over: Partial<AuditRow>): AuditRow => ({
  action: 'client.viewed',
  actorId: 'u1',
  actorName: '林静',
  clientId: 'c1',
  clientName: '王先生',
  subjectName: null,
  requestId: null,
  requestNumber: null,
  requestTitle: null,
  details: {},
  ...over,
})

describe('audit log sentences', () => {
  const words = { system: 'S', someone: 'X', aClient: 'C', aRequest: 'R' }
  const say = (locale: string, r: AuditRow) => {
    const t = createTranslator({ locale, messages: load(locale), namespace: 'audit' }) as unknown as {
      rich: (k: string, v: object) => string
    }
    const v = auditValues(r, words)
    const tag = (chunks: unknown) => (Array.isArray(chunks) ? chunks.join('') : String(chunks))
    return t.rich(auditSentenceKey(r.action), {
      ...v,
      client: tag,
      request: tag,
      clientName: v.client,
      requestName: v.request,
      status: v.status,
    })
  }
  const flat = (x: unknown) => (Array.isArray(x) ? x.join('') : String(x))

  it('reads as a sentence in both languages', () => {
    expect(flat(say('zh-CN', row({})))).toBe('林静 查看了 王先生 的客户档案')
    expect(flat(say('en', row({ actorName: 'Lin Jing', clientName: 'Mr Wang' })))).toBe(
      "Lin Jing viewed Mr Wang's client profile",
    )
  })

  it('has a sentence for every action the code records, never the raw code', () => {
    const actions = recordedActions()
    expect(actions.length).toBeGreaterThan(60)
    for (const action of actions) {
      expect(auditSentenceKey(action), action).not.toBe('events.other')
      for (const locale of ['en', 'zh-CN']) {
        const text = flat(say(locale, row({ action, requestNumber: 12, requestTitle: '晚餐', requestId: 'r1' })))
        expect(text, `${locale} ${action}`).not.toContain(action)
        expect(text, `${locale} ${action}`).not.toMatch(/audit\.|events\.|\{|\}|undefined/)
      }
    }
  })

  it('names nobody by id: the system, a former user, a request by number and title', () => {
    const r = row({
      actorId: null,
      actorName: 'system',
      action: 'sla.breached',
      requestNumber: 7,
      requestTitle: '接机',
    })
    expect(flat(say('zh-CN', r))).toBe('#7 接机 已超时')
    expect(flat(say('en', row({ actorId: 'ckxyz', actorName: 'ckxyz', action: 'auth.sign_in' })))).toBe('X signed in')
  })

  it('says "their photo" when staff change their own, and whose when an administrator does', () => {
    const photo = (own: boolean) => row({ action: 'staff.photo_set', subjectName: '周航', details: { own } })
    expect(flat(say('zh-CN', photo(true)))).toBe('林静 更新了自己的照片')
    expect(flat(say('zh-CN', photo(false)))).toBe('林静 为 周航 设置了照片')
    expect(flat(say('en', { ...photo(false), action: 'staff.photo_removed', actorName: 'Admin' }))).toBe(
      "Admin removed 周航's photo",
    )
  })

  it('shows details people can read: statuses and roles translated later, ids and JSON never', () => {
    const details = auditDetails(
      row({
        action: 'request.status_changed',
        details: { from: 'NEW', to: 'CLOSED', timerId: 'ck123', reviewId: 'x' },
      }),
    )
    expect(details).toEqual([
      { field: 'from', value: 'NEW', as: 'status' },
      { field: 'to', value: 'CLOSED', as: 'status' },
    ])
  })
})
