import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

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
})
