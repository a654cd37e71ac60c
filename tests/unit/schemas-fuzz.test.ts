import fc from 'fast-check'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'

// Every zod schema exported from lib/**/schemas.ts, against generated garbage: parsing never
// throws, and every refusal carries messages a person can read (our keys or zod's text).
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'generated'
        ? []
        : files(path.join(dir, e.name))
      : e.name === 'schemas.ts'
        ? [path.join(dir, e.name)]
        : [],
  )

describe('schemas under fuzz', () => {
  it('refuse malformed input cleanly, 10,000+ inputs in all', async () => {
    const schemas: [string, z.ZodType][] = []
    for (const f of files('lib')) {
      const mod = await import(path.resolve(f))
      for (const [name, v] of Object.entries(mod))
        if (name.startsWith('Z') && v && typeof (v as z.ZodType).safeParse === 'function')
          schemas.push([name, v as z.ZodType])
    }
    expect(schemas.length).toBeGreaterThan(30)
    let runs = 0
    for (const [name, schema] of schemas) {
      fc.assert(
        fc.property(fc.anything(), (input) => {
          const r = schema.safeParse(input)
          runs++
          if (!r.success) {
            expect(r.error.issues.length, name).toBeGreaterThan(0)
            for (const issue of r.error.issues) expect(issue.message.length, name).toBeGreaterThan(0)
          }
        }),
        { numRuns: Math.ceil(10_000 / schemas.length) + 50 },
      )
    }
    expect(runs).toBeGreaterThanOrEqual(10_000)
  })
})
