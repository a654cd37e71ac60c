import fc from 'fast-check'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { createTranslator } from 'use-intl/core'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { SCHEMA_ERROR_KEYS, schemaErrorMap, schemaIssueMessage } from '../../lib/i18n/schema-errors'
import { ZChangeStatus } from '../../lib/requests/schemas'

type Tree = { [key: string]: string | Tree }
const load = (locale: string) => JSON.parse(readFileSync(path.join('messages', `${locale}.json`), 'utf8')) as Tree
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
// Arguments only: the words inside a plural ({n, plural, one {...}}) are text, not placeholders.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?=[},])/g)].map((m) => m[1]))].sort()
const lookup = (tree: Tree, key: string) =>
  key.split('.').reduce<string | Tree>((n, k) => (n as Tree)[k], tree) as string

describe('translations', () => {
  const en = load('en')
  const zh = load('zh-CN')

  it('every UI string exists in both languages', () => {
    expect(keys(zh).filter((k) => !keys(en).includes(k))).toEqual([])
    expect(keys(en).filter((k) => !keys(zh).includes(k))).toEqual([])
  })

  it('both languages use the same placeholders and no string is empty', () => {
    for (const key of keys(en)) {
      expect(placeholders(lookup(zh, key)), key).toEqual(placeholders(lookup(en, key)))
      expect(lookup(en, key).trim(), key).not.toBe('')
      expect(lookup(zh, key).trim(), key).not.toBe('')
    }
  })

  it('every errors.* key used in the schemas and services is translated', () => {
    const used = new Set<string>()
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? e.name === 'generated'
            ? []
            : walk(path.join(dir, e.name))
          : e.name.endsWith('.ts')
            ? [path.join(dir, e.name)]
            : [],
      )
    for (const file of walk('lib'))
      for (const m of readFileSync(file, 'utf8').matchAll(/'(errors\.\w+)'/g)) used.add(m[1])
    const missing = [...used].filter((k) => !keys(en).includes(k))
    expect(missing).toEqual([])
  })

  // Validation: every refusal any schema can produce, in both languages, and never zod's English.
  describe('validation messages', () => {
    const schemaFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? e.name === 'generated'
            ? []
            : schemaFiles(path.join(dir, e.name))
          : e.name === 'schemas.ts'
            ? [path.join(dir, e.name)]
            : [],
      )
    const loadSchemas = async () => {
      const out: [string, z.ZodType][] = []
      for (const f of schemaFiles('lib')) {
        const mod = (await import(path.resolve(f))) as Record<string, unknown>
        for (const [name, v] of Object.entries(mod))
          if (name.startsWith('Z') && v && typeof (v as z.ZodType).safeParse === 'function')
            out.push([`${f}:${name}`, v as z.ZodType])
      }
      return out
    }
    // The field names of an object schema, or of each branch of a discriminated union (with the
    // branch's tag), so bad values reach every field and not just the first check.
    type Shaped = { shape?: Record<string, { def?: { values?: unknown[] } }>; def?: Record<string, unknown> }
    const branches = (schema: z.ZodType): { fields: string[]; fixed: Record<string, unknown> }[] => {
      const s = schema as unknown as Shaped
      if (s.shape) return [{ fields: Object.keys(s.shape), fixed: {} }]
      const def = s.def ?? {}
      if (def.type === 'union' && typeof def.discriminator === 'string') {
        const tag = def.discriminator
        return (def.options as Shaped[]).map((o) => ({
          fields: Object.keys(o.shape ?? {}),
          fixed: { [tag]: o.shape?.[tag]?.def?.values?.[0] },
        }))
      }
      if (def.type === 'pipe') return branches(def.in as z.ZodType)
      return [{ fields: [], fixed: {} }]
    }
    const BAD: unknown[] = [
      undefined,
      null,
      '',
      '   ',
      'x'.repeat(100_000),
      'abc',
      -1,
      0,
      1.5,
      1e12,
      true,
      [],
      {},
      ['a'],
    ]
    const translators = {
      en: createTranslator({ locale: 'en', messages: en }),
      zh: createTranslator({ locale: 'zh-CN', messages: zh }),
    }
    const say = (which: 'en' | 'zh', key: string, params?: object) =>
      (translators[which] as unknown as (k: string, p?: object) => string)(key, params)

    it('every key the error map gives exists in both languages', () => {
      for (const key of SCHEMA_ERROR_KEYS) {
        expect(keys(en), key).toContain(key)
        expect(keys(zh), key).toContain(key)
      }
    })

    it('every refusal of every schema is a translated sentence in both languages', async () => {
      const schemas = await loadSchemas()
      expect(schemas.length).toBeGreaterThan(30)
      const seen = new Set<string>()
      for (const [name, schema] of schemas) {
        const inputs: unknown[] = [...BAD, ...fc.sample(fc.anything(), { numRuns: 60, seed: 13 })]
        for (const { fields, fixed } of branches(schema))
          for (const bad of BAD) inputs.push({ ...Object.fromEntries(fields.map((f) => [f, bad])), ...fixed })
        for (const input of inputs) {
          const r = schema.safeParse(input, { error: schemaErrorMap })
          if (r.success) continue
          for (const issue of r.error.issues) {
            // A schema's own message must be a key too, not English text.
            expect(issue.message, `${name} ${issue.path.join('.')}`).toMatch(/^errors\.\w+$/)
            const { key, params } = schemaIssueMessage(issue)
            seen.add(key)
            const english = say('en', key, params)
            const chinese = say('zh', key, params)
            expect(english, `${name}: ${key}`).not.toMatch(/^errors\.|expected|received|Invalid input|Too (small|big)/)
            expect(chinese, `${name}: ${key}`).toMatch(/[\u4e00-\u9fff]/)
            expect(chinese, `${name}: ${key}`).not.toMatch(/expected|received|Invalid|Too (small|big)/)
          }
        }
      }
      // The run reaches the kinds of refusal users meet: missing, type, range and length.
      for (const key of [
        'errors.required',
        'errors.notNumber',
        'errors.numberAbove',
        'errors.textTooLong',
        'errors.chooseOption',
      ])
        expect([...seen], key).toContain(key)
    })

    it('a range refusal carries its limit into the sentence', () => {
      const r = ZChangeStatus.safeParse({ requestId: 'r1', status: 'CLOSED', version: 0 }, { error: schemaErrorMap })
      expect(r.success).toBe(false)
      const { key, params } = schemaIssueMessage(r.error!.issues[0])
      expect(key).toBe('errors.numberAbove')
      expect(say('en', key, params)).toBe('Enter a number greater than 0.')
      expect(say('zh', key, params)).toBe('请输入大于 0 的数字。')
    })
  })
})
