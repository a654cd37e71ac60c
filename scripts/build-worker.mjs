// Compiles the worker to JavaScript (dist/worker.mjs and the chunks it loads later), so production
// starts it with plain node: no TypeScript compilation between a restart and the first overdue
// SLA decision. npm packages stay imports from node_modules; only the project's own modules are
// bundled. The job queue's part is a separate chunk, loaded after the overdue marks are decided.
import { build } from 'esbuild'

const started = Date.now()
await build({
  entryPoints: { worker: 'worker/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'worker-[name]-[hash]',
  splitting: true,
  bundle: true,
  packages: 'external',
  // Outside Next every process is a server: the 'server-only' marker becomes a no-op here.
  alias: { 'server-only': './lib/node/server-only.ts' },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Its log lines say "worker" even when started by hand without PROCESS_NAME.
  banner: { js: "process.env.PROCESS_NAME ||= 'worker'" },
})
console.log(`dist/worker.mjs built in ${Date.now() - started} ms`)
