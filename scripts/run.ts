// The launcher behind npm run dev / start / db:migrate / test:* : it finds or starts the
// database, applies migrations, seeds demo data once (dev only), then runs the processes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { ensureDatabase, localAuthSecret } from './database'

const mode = process.argv[2]
const passthrough = process.argv.slice(3)
const node = process.execPath
const bin = {
  next: 'node_modules/next/dist/bin/next',
  prisma: 'node_modules/prisma/build/index.js',
  tsx: 'node_modules/tsx/dist/cli.mjs',
  worker: 'dist/worker.mjs',
}

function runSync(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(node, args, { stdio: 'inherit', env })
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}`)
}

async function main() {
  const database = await ensureDatabase({ forTests: mode === 'test' })
  if (database.embedded) console.log(`Embedded PostgreSQL running: ${database.url}`)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    ...(database.directUrl ? { DATABASE_DIRECT_URL: database.directUrl } : {}),
    AUTH_SECRET: localAuthSecret(),
    AUTH_TRUST_HOST: 'true',
    // Processes started through tsx (worker, seed, tests, benches) resolve 'server-only' to a no-op.
    TSX_TSCONFIG_PATH: 'tsconfig.node.json',
  }
  runSync([bin.prisma, 'migrate', 'deploy'], env)
  runSync([bin.tsx, 'scripts/install-runtime-schemas.ts'], env)

  const children: ChildProcess[] = []
  const start = (name: string, args: string[], extra: Record<string, string> = {}) => {
    const child = spawn(node, args, { stdio: 'inherit', env: { ...env, PROCESS_NAME: name, ...extra } })
    children.push(child)
    return child
  }
  let exiting = false
  const shutdown = async (code: number) => {
    if (exiting) return
    exiting = true
    for (const c of children) c.kill('SIGTERM')
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))))
    await database.stop()
    process.exit(code)
  }
  process.on('SIGINT', () => void shutdown(0))
  process.on('SIGTERM', () => void shutdown(0))

  switch (mode) {
    case 'dev': {
      runSync([bin.tsx, 'prisma/seed.ts', '--if-empty'], env)
      start('worker', [bin.tsx, 'worker/index.ts'], { NODE_ENV: 'development' })
      start('web', [bin.next, 'dev', ...passthrough]).on('exit', (c) => void shutdown(c ?? 0))
      break
    }
    case 'start': {
      // The compiled worker (npm run build): a restarted worker decides overdue marks without
      // first compiling TypeScript.
      if (!existsSync(bin.worker)) {
        console.error(`${bin.worker} is missing: run \`npm run build\` first`)
        await shutdown(1)
      }
      start('worker', ['--enable-source-maps', bin.worker], { NODE_ENV: 'production' })
      // Idle connections stay open longer than a load balancer's (60 s), so a proxy never
      // reuses a connection the app has just closed.
      start('web', [bin.next, 'start', '--keepAliveTimeout', '65000', ...passthrough], { NODE_ENV: 'production' }).on(
        'exit',
        (c) => void shutdown(c ?? 0),
      )
      break
    }
    case 'migrate':
      await shutdown(0)
      break
    case 'test':
    case 'exec': {
      // Runs a command against the database: `test` uses the separate test database.
      const [cmd, ...args] = passthrough
      const child = spawn(cmd, args, { stdio: 'inherit', env })
      children.push(child)
      child.on('exit', (c) => void shutdown(c ?? 1))
      break
    }
    default:
      console.error('usage: run.ts dev|start|migrate|exec <command...>|test <command...>')
      await shutdown(2)
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
