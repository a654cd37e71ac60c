import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { activeHref } from '@/components/layout/active-path'

const RESTRICTED = ['app/(portal)', 'app/(console)', 'app/(supervisor)', 'app/(admin)', 'app/account']
const files = (dir: string, name: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), name) : e.name === name ? [path.join(dir, e.name)] : [],
  )

describe('audience shells', () => {
  it('every restricted page calls its own guard, since a layout is not re-run on every navigation', () => {
    const pages = RESTRICTED.flatMap((d) => files(d, 'page.tsx'))
    expect(pages.length).toBeGreaterThan(20)
    expect(pages.filter((p) => !/await requirePageActor\('[\w.]+'/.test(readFileSync(p, 'utf8')))).toEqual([])
  })

  it('every audience has a guarded layout and its own error and not-found pages', () => {
    for (const dir of RESTRICTED) {
      expect(readFileSync(path.join(dir, 'layout.tsx'), 'utf8'), dir).toMatch(/await requirePageActor\(/)
      expect(readFileSync(path.join(dir, 'error.tsx'), 'utf8'), dir).toMatch(/^'use client'/)
      expect(readFileSync(path.join(dir, 'not-found.tsx'), 'utf8'), dir).toContain('NotFoundNotice')
    }
  })
})

describe('activeHref', () => {
  const supervisor = ['/supervisor', '/supervisor/kpi', '/supervisor/quality', '/supervisor/audit']

  it('picks the longest link the path lies under', () => {
    expect(activeHref('/supervisor', supervisor)).toBe('/supervisor')
    expect(activeHref('/supervisor/kpi', supervisor)).toBe('/supervisor/kpi')
    expect(activeHref('/supervisor/kpi/requests', supervisor)).toBe('/supervisor/kpi')
    expect(activeHref('/supervisor/roster', supervisor)).toBe('/supervisor')
  })

  it('matches whole segments only', () => {
    expect(activeHref('/supervisor/kpis', ['/supervisor/kpi'])).toBeUndefined()
    expect(activeHref('/administrator', ['/admin'])).toBeUndefined()
  })

  it('finds nothing outside every link', () => {
    expect(activeHref('/supervisor/audit', ['/admin', '/admin/sla'])).toBeUndefined()
    expect(activeHref('/supervisor/audit', ['/admin', '/supervisor/audit'])).toBe('/supervisor/audit')
  })
})
