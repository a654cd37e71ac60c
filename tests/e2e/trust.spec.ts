// The HTTP layer of the production build, as an attacker meets it: every script runs only
// with the response's nonce, state-changing calls from another site are refused with 403 and
// write nothing, and no body, however malformed, gets a 5xx from any server action or route.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import type { APIRequestContext } from '@playwright/test'
import { BASE_URL } from '../../playwright.config'
import { expect, test } from './fixtures'
import { newSignedInPage, sql } from './helpers'
import { people } from './people'

type Action = { id: string; name: string; path: string }

// Every server action in the build, each with one page that can receive it.
function buildActions(): Action[] {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8'))
  return Object.entries<{ exportedName: string; workers: Record<string, unknown> }>(manifest.node).map(
    ([id, entry]) => ({
      id,
      name: entry.exportedName,
      path: Object.keys(entry.workers)[0]
        .replace(/^app/, '')
        .replace(/\/\([^)]+\)/g, '')
        .replace(/\/page$/, '')
        .replace(/\[[^\]]+\]/g, 'x'),
    }),
  )
}

const callAction = (request: APIRequestContext, action: Action, data: string | Buffer, headers = {}) =>
  request.post(action.path, {
    headers: {
      'Next-Action': action.id,
      Accept: 'text/x-component',
      Origin: BASE_URL,
      'Content-Type': 'text/plain;charset=UTF-8',
      ...headers,
    },
    data,
    maxRedirects: 0,
  })

const multipart = (parts: [string, string][], boundary = 'fuzzboundary') =>
  Buffer.from(
    parts.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') +
      `--${boundary}--\r\n`,
  )

test('every script carries the response’s own nonce, and the nonce changes per request', async ({ request }) => {
  const nonces: string[] = []
  for (const path of ['/login', '/login', '/offline']) {
    const res = await request.get(path)
    const csp = res.headers()['content-security-policy']
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!
    expect(scriptSrc).not.toContain('unsafe-inline')
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1]
    expect(nonce, path).toBeTruthy()
    nonces.push(nonce!)
    const html = await res.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length, path).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`)
  }
  expect(new Set(nonces).size).toBe(nonces.length)
  // Route handlers never answer with scripts: their policy is fixed and runs none.
  const api = await request.get('/api/health/live')
  expect(api.headers()['content-security-policy']).toContain("script-src 'none'")
})

test('a page still hydrates and works under the nonce policy', async ({ browser }) => {
  const page = await browser.newPage()
  const blocked: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text())
  })
  await page.goto('/login')
  await page.locator('input[name="email"]').fill(`nobody-${Date.now()}@e2e.test`)
  await page.locator('input[name="password"]').fill('wrong password')
  await page.locator('form button[type="submit"]').click()
  // The answer comes from the server action through React: hydration ran.
  await expect(page.locator('form [role="alert"]')).toHaveText('邮箱或密码不正确。')
  expect(blocked).toEqual([])
})

test('a server action or route called from another site gets 403 and writes nothing', async ({ browser }) => {
  const page = await newSignedInPage(browser, people.clientA)
  const request = page.context().request
  const create = buildActions().find((a) => a.name === 'createRequestAction' && a.path.startsWith('/portal'))
  const createAnywhere = create ?? buildActions().find((a) => a.name === 'createRequestAction')!
  const title = `Forged ${Date.now()}`
  const body = JSON.stringify([{ category: 'OTHER', title, details: {} }])
  for (const origin of ['https://evil.example', 'null', undefined]) {
    const res = await request.post(createAnywhere.path, {
      headers: {
        'Next-Action': createAnywhere.id,
        Accept: 'text/x-component',
        'Content-Type': 'text/plain;charset=UTF-8',
        ...(origin ? { Origin: origin } : {}),
      },
      data: body,
    })
    expect(res.status(), String(origin)).toBe(403)
  }
  for (const path of ['/api/auth/signout', '/api/export/requests', '/api/attachments/x']) {
    const res = await request.post(path, { headers: { Origin: 'https://evil.example' }, form: { a: '1' } })
    expect(res.status(), path).toBe(403)
  }
  expect(await sql('SELECT id FROM "ServiceRequest" WHERE title = $1', [title])).toEqual([])
  // The same call from this site goes through: the refusal was about the origin alone.
  const ok = await callAction(request, createAnywhere, body)
  expect(ok.status()).toBe(200)
  expect(await sql('SELECT id FROM "ServiceRequest" WHERE title = $1', [title])).toHaveLength(1)
})

test('no body or query, however malformed, gets a 5xx from any server action or route handler', async ({
  browser,
  playwright,
}) => {
  test.setTimeout(300_000)
  const actions = buildActions()
  expect(actions.length).toBeGreaterThan(40)
  const anonymous = await playwright.request.newContext({ baseURL: BASE_URL })
  const client = (await newSignedInPage(browser, people.clientB)).context().request
  const butler = (await newSignedInPage(browser, people.butlerB)).context().request
  // These change the signed-in person's own state whatever the input; they are fuzzed signed out.
  const selfChanging = new Set(['signOutAction', 'setLocaleAction', 'setOnDutyAction'])

  const garbage = fc.anything({ maxDepth: 3, withBigInt: false, withMap: false, withSet: false })
  const bodies = (seed: number): { data: string | Buffer; type?: string }[] => [
    ...fc.sample(fc.string({ maxLength: 60 }), { numRuns: 2, seed }).map((s) => ({ data: s })),
    ...fc.sample(garbage, { numRuns: 2, seed }).map((v) => ({ data: JSON.stringify(v) ?? 'undefined' })),
    // Well-formed calls with the wrong arguments reach the action and its schema.
    ...fc.sample(garbage, { numRuns: 3, seed }).map((v) => ({ data: JSON.stringify([v]) ?? '[]' })),
    ...fc.sample(garbage, { numRuns: 2, seed }).map((v) => ({ data: JSON.stringify([null, v]) ?? '[]' })),
    { data: '["$K1"]' },
    { data: '["$Q1"]' },
    { data: '["$@1"]' },
    { data: '["$nabc"]' },
    { data: '["$h1"]' },
    { data: '[' },
    {
      data: multipart(
        fc
          .sample(fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 40 })), {
            numRuns: 4,
            seed,
          })
          .map(([k, v]) => [`1_${k.replace(/["\r\n]/g, '')}`, v] as [string, string])
          .concat([['0', '[null,"$K1"]']]),
      ),
      type: 'multipart/form-data; boundary=fuzzboundary',
    },
    { data: multipart([['x', 'y']]), type: 'multipart/form-data; boundary=fuzzboundary' },
    { data: Buffer.from('--nope\r\ngarbage'), type: 'multipart/form-data; boundary=fuzzboundary' },
  ]

  const failures: string[] = []
  let calls = 0
  for (const [who, request] of [
    ['anonymous', anonymous],
    ['client', client],
    ['butler', butler],
  ] as const) {
    for (const [i, action] of actions.entries()) {
      if (who !== 'anonymous' && selfChanging.has(action.name)) continue
      for (const body of bodies(i + 1)) {
        const res = await callAction(request, action, body.data, body.type ? { 'Content-Type': body.type } : {})
        calls++
        if (res.status() >= 500)
          failures.push(`${who} ${action.name} ${res.status()} ${String(body.data).slice(0, 80)}`)
      }
    }
  }

  const routes = ['/api/export/requests', '/api/export/kpi', '/api/export/audit', '/api/attachments/x', '/api/health']
  const queries = fc.sample(fc.string({ maxLength: 30 }), { numRuns: 8, seed: 7 }).map(encodeURIComponent)
  for (const request of [anonymous, butler]) {
    for (const route of routes)
      for (const q of queries) {
        const res = await request.get(`${route}?from=${q}&to=${q}&actor=${q}&client=${q}&action=${q}`)
        calls++
        if (res.status() >= 500) failures.push(`GET ${route} ${res.status()} ${q}`)
      }
    for (const [path, body] of fc.sample(
      fc.tuple(
        fc.constantFrom('/api/auth/callback/credentials', '/api/auth/signout', '/api/channels/wecom'),
        fc.string(),
      ),
      { numRuns: 15, seed: 11 },
    )) {
      const res = await request.post(`${path}?msg_signature=${encodeURIComponent(body)}`, {
        headers: { Origin: BASE_URL, 'Content-Type': 'application/x-www-form-urlencoded' },
        data: body,
        maxRedirects: 0,
      })
      calls++
      if (res.status() >= 500) failures.push(`POST ${path} ${res.status()} ${body.slice(0, 40)}`)
    }
  }
  await anonymous.dispose()
  expect(calls).toBeGreaterThan(1500)
  expect(failures).toEqual([])
})
