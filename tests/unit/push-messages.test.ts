import { describe, expect, it } from 'vitest'
import { PushKind } from '@/lib/generated/prisma/enums'
import { renderPush } from '@/lib/push/messages'

describe('push notification text', () => {
  const request = { id: 'req_1', number: 1234 }
  const staffKinds = ['NEW_REQUEST', 'OFFERED', 'AT_RISK', 'BREACHED']

  for (const kind of Object.values(PushKind)) {
    for (const locale of ['zh_CN', 'en'] as const) {
      it(`${kind} in ${locale}: the request number, a link to it, and nothing else about it`, () => {
        const p = renderPush(kind, locale, request)
        expect(p.title).toContain('#1234')
        expect(p.body.length).toBeGreaterThan(0)
        // A missing translation would show its key.
        expect(`${p.title} ${p.body}`).not.toMatch(/push\.|notification\.|\{/)
        expect(p.url).toBe(`${staffKinds.includes(kind) ? '/console' : '/portal'}/requests/req_1`)
        expect(p.tag).toBe(`${kind}-1234`)
      })
    }
  }

  it('speaks the recipient’s language', () => {
    expect(renderPush('NEW_REQUEST', 'zh_CN', request).title).toBe('新需求 #1234 待响应')
    expect(renderPush('NEW_REQUEST', 'en', request).title).toBe('New request #1234 awaiting reply')
    expect(renderPush('REPLIED', 'zh_CN', request).title).toBe('您的管家已回复（#1234）')
  })
})
