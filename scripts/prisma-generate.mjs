// `prisma generate` never connects, but Prisma 6.19 resolves env("DATABASE_URL") and, when it
// is unset (a fresh `npm install`), tries to download a native query engine, which fails
// offline. A well-formed URL that nothing listens on keeps it on the JS engine.
import { spawnSync } from 'node:child_process'

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://generate@127.0.0.1:1/unused' }
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  stdio: 'inherit',
  env,
})
process.exit(result.status ?? 1)
