import os from 'node:os'
import { summarise } from './stats'

// Times each query `runs` times after one warm-up run, one query after the other.
export async function timeQueries(queries: Record<string, () => Promise<unknown>>, runs: number, label = '') {
  const results: Record<string, ReturnType<typeof summarise>> = {}
  for (const [name, run] of Object.entries(queries)) {
    await run()
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      await run()
      times.push(performance.now() - t)
    }
    results[name] = summarise(times)
    console.log(label, name, results[name])
  }
  return results
}

// The machine a figure was measured on, with its load at the time (shared machines vary).
export const machineNow = () => ({
  cpus: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverage1_5_15: os.loadavg().map((l) => Math.round(l * 10) / 10),
})
