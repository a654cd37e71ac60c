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
