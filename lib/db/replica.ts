import 'server-only'
import { readDb } from '../db'
import { env } from '../env'

// The board says reports are behind only past this: a replica under normal load trails by
// milliseconds, and a notice for every blip would teach supervisors to ignore it.
const REPLICA_LAG_NOTICE_MS = 5_000

// How far the replica's data trails the primary's, in ms: 0 when it has replayed everything it
// received, else the age of the last transaction it replayed. null without a replica (or when the
// read database is not a standby).
export async function replicaLagMs(): Promise<number | null> {
  if (!env().DATABASE_REPLICA_URL) return null
  const [row] = await readDb.$queryRaw<{ lag: number | null }[]>`
    SELECT CASE
      WHEN NOT pg_is_in_recovery() THEN NULL
      WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
      ELSE (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8
    END AS lag`
  return row?.lag ?? null
}

// Whole minutes (at least 1) the reading work may be missing, when the lag is worth saying.
export async function replicaLagNotice(thresholdMs = REPLICA_LAG_NOTICE_MS): Promise<number | null> {
  const lag = await replicaLagMs().catch(() => null)
  return lag !== null && lag > thresholdMs ? Math.max(1, Math.ceil(lag / 60_000)) : null
}
