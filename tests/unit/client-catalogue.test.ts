import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { clientCatalogue } from '../../lib/i18n/client-catalogue'

type Tree = { [key: string]: string | Tree }
const load = (locale: string) => JSON.parse(readFileSync(path.join('messages', `${locale}.json`), 'utf8')) as Tree

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'generated'
        ? []
        : sources(path.join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [path.join(dir, e.name)]
        : [],
  )

// Every message path a component that may run in the browser names: the namespace it passes to
// useTranslations, or, for useTranslations(), the namespace each literal key starts with and any
// string that is a namespace's name (one passed on to build keys, as a form's select does).
function namedPaths(source: string, namespaces: string[]) {
  const paths = [...source.matchAll(/useTranslations\(\s*['"]([\w.]+)['"]\s*\)/g)].map((m) => m[1])
  if (/useTranslations\(\s*\)/.test(source)) {
    paths.push(...[...source.matchAll(/\bt(?:\.rich|\.markup|\.has)?\(\s*['"`](\w+)\./g)].map((m) => m[1]))
    paths.push(...[...source.matchAll(/['"](\w+)['"]/g)].map((m) => m[1]).filter((w) => namespaces.includes(w)))
  }
  return paths
}

const has = (tree: Tree, dotted: string) =>
  dotted.split('.').reduce<Tree | string | undefined>((n, k) => (typeof n === 'object' ? n[k] : undefined), tree) !==
  undefined

describe('the catalogue sent to the browser', () => {
  const files = ['app', 'components', 'lib']
    .flatMap(sources)
    .filter((f) => /useTranslations\(/.test(readFileSync(f, 'utf8')))

  it('holds every namespace a component in the browser translates with, in both languages', () => {
    expect(files.length).toBeGreaterThan(30)
    for (const locale of ['zh-CN', 'en']) {
      const all = load(locale)
      const sent = clientCatalogue(all) as Tree
      const missing = files.flatMap((f) =>
        namedPaths(readFileSync(f, 'utf8'), Object.keys(all))
          .filter((p) => !has(sent, p))
          .map((p) => `${f}: ${p}`),
      )
      expect(missing, locale).toEqual([])
    }
  })

  it('leaves out what only the server uses', () => {
    const all = load('en')
    const sent = clientCatalogue(all)
    expect(Object.keys(sent)).not.toContain('audit')
    expect(Object.keys(sent)).not.toContain('email')
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(all).length * 0.7)
  })
})
