import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'

// A local Web Push service (the web-push-testing package's server): it hands out subscriptions
// for a VAPID key, checks each push's VAPID signature, decrypts it and keeps what it received.
export type MockPushService = {
  url: string
  subscribe: (applicationServerKey: string) => Promise<{
    endpoint: string
    keys: { p256dh: string; auth: string }
    clientHash: string
  }>
  received: (clientHash: string) => Promise<string[]>
  expire: (clientHash: string) => Promise<void>
  stop: () => Promise<void>
}

const serverScript = createRequire(import.meta.url).resolve('web-push-testing/src/bin/server.js')

async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

export async function startMockPushService(): Promise<MockPushService> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [serverScript, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('mock push service did not start')), 10_000)
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('Server running')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`mock push service exited (${code})`)))
  })
  const url = `http://127.0.0.1:${port}`
  const post = async (path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return res.headers.get('content-type')?.includes('json') ? res.json() : null
  }
  return {
    url,
    subscribe: async (applicationServerKey) => {
      const { data } = await post('/subscribe', { userVisibleOnly: 'true', applicationServerKey })
      // The service answers with localhost; the worker reaches it on the same loopback address.
      return { ...data, endpoint: String(data.endpoint).replace('localhost', '127.0.0.1') }
    },
    received: async (clientHash) => (await post('/get-notifications', { clientHash })).data.messages,
    expire: async (clientHash) => {
      await post(`/expire-subscription/${clientHash}`)
    },
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill()
      await exited
    },
  }
}
