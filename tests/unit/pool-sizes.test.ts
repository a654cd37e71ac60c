import { describe, expect, it } from 'vitest'
import { poolSizes } from '../../lib/db/pools'

describe('one setting sizes every pool of a process', () => {
  it('a web copy (data layer, job producer, rate limiter, LISTEN) never opens more than the setting', () => {
    for (let total = 5; total <= 200; total++) {
      const s = poolSizes(total)
      expect(s.primary + s.jobs + s.limits + s.listen).toBeLessThanOrEqual(total)
      // The worker has no rate limiter: its job queue takes that share instead.
      expect(s.primary + s.workerJobs + s.listen).toBeLessThanOrEqual(total)
      expect(Math.min(s.primary, s.jobs, s.limits)).toBeGreaterThanOrEqual(1)
      expect(s.primary).toBeGreaterThanOrEqual(2)
    }
  })

  it('the default of 16 keeps the data layer at most of it', () => {
    expect(poolSizes(16)).toEqual({ listen: 1, jobs: 2, limits: 2, workerJobs: 4, primary: 11 })
  })
})
