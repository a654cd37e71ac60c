// Preloaded into the web process by bench:cpu (node --require): answers each IPC message with
// the process's own CPU time and the SQL statements it has sent, so the bench divides both by
// the requests served. (pg is an external package of the Next build: this is the same module.)
let statements = 0
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload, by design
  const pg = require('pg')
  const query = pg.Client.prototype.query
  pg.Client.prototype.query = function (...args) {
    statements++
    return query.apply(this, args)
  }
} catch {
  // Without pg the bench still reads CPU time.
}
process.on('message', (m) => {
  if (m === 'cpu') process.send({ cpu: process.cpuUsage(), statements })
})
// A CPU profile of just the measured requests of one kind (bench/cpu.ts with BENCH_PROFILE_DIR).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload, by design
const inspector = require('node:inspector')
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload, by design
const fs = require('node:fs')
let session
process.on('message', (m) => {
  if (m === 'profile-start') {
    session = new inspector.Session()
    session.connect()
    session.post('Profiler.enable', () => session.post('Profiler.start', () => process.send({ profiling: true })))
  } else if (typeof m === 'object' && m && m.profileStop) {
    session.post('Profiler.stop', (err, { profile }) => {
      fs.writeFileSync(m.profileStop, JSON.stringify(profile))
      session.disconnect()
      process.send({ profiled: m.profileStop })
    })
  }
})
