// Every lib module that reaches the database, the environment, secrets or the network is marked
// 'server-only', so a client component that imports one fails the build instead of shipping it.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SERVER_IMPORT =
  /from '(\.\.?\/)+(db|env|log)'|from '(node:[^']+|pg|pg-boss|nodemailer|bcryptjs|pino|otpauth|qrcode|rate-limiter-flexible|next-auth|next\/headers|web-push)'|from '(\.\.?\/)+([\w-]+\/)?(service|queries|sessions|unit-of-work|outbox|record|publish|guards|auth)'/

function libFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return ['generated', 'node'].includes(e.name) ? [] : libFiles(p)
    return e.name.endsWith('.ts') ? [p] : []
  })
}

describe('server-only marker', () => {
  it('is on every lib module with server dependencies ("use server" action files excepted)', () => {
    const unmarked = libFiles('lib').filter((file) => {
      const source = readFileSync(file, 'utf8')
      if (source.startsWith("'use server'")) return false
      return SERVER_IMPORT.test(source) && !source.startsWith("import 'server-only'")
    })
    expect(unmarked).toEqual([])
  })
})
