import 'server-only'
import { db } from '../db'

// Tables partitioned by month (migrations 20261124140000_history_stays_cheap and
// 20261125110000_messages_by_month). Their partitions live in schema "history", named
// <table>_YYYY_MM (UTC months).
const PARTITIONED = ['AuditEvent', 'Message']
const MONTHS_AHEAD = 2

// Creates this month's partition and the next ones where missing. The worker runs it at start
// and every few hours; a lock keeps racing workers from creating the same table twice.
export async function ensureHistoryPartitions(monthsAhead = MONTHS_AHEAD) {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('history_partitions'))`
    await tx.$queryRaw`
      SELECT history_ensure_month(p, now() + make_interval(months => k))
      FROM unnest(${PARTITIONED}::text[]) AS p, generate_series(0, ${monthsAhead}::int) AS k`
  })
}

// Detaches the monthly partitions that end on or before `before`: their rows leave the live
// table (queries and its indexes no longer see them) and stay in schema "history" as plain
// tables, to be archived (pg_dump -t 'history."AuditEvent_2025_01"') and dropped. Returns the
// names of the tables left in "history" to archive. A month of messages goes with what hangs on
// its messages, in the same transaction: their channel deliveries move to
// history."ChannelDelivery_of_Message_YYYY_MM" (returned too, archived with it), their
// idempotency keys are deleted, and the detached table loses its foreign keys (an archive must
// not hold back a request's or a user's deletion, nor be cascaded into).
export async function detachHistoryBefore(before: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ parent: string; name: string }[]>`
    SELECT parent.relname::text AS parent, part.relname::text AS name
    FROM pg_inherits i
    JOIN pg_class parent ON parent.oid = i.inhparent
    JOIN pg_class part ON part.oid = i.inhrelid
    JOIN pg_namespace n ON n.oid = part.relnamespace AND n.nspname = 'history'
    WHERE parent.relname = ANY(${PARTITIONED}::text[])
      AND part.relname ~ '_[0-9]{4}_[0-9]{2}$'
      AND (to_date(right(part.relname, 7), 'YYYY_MM')::timestamp AT TIME ZONE 'UTC') + interval '1 month'
          <= ${before}::timestamptz
    ORDER BY part.relname`
  const left: string[] = []
  for (const r of rows) {
    left.push(r.name)
    if (r.parent === 'Message') left.push(`ChannelDelivery_of_${r.name}`)
    await db.$transaction(
      async (tx) => {
        const part = `history."${r.name}"`
        await tx.$executeRawUnsafe(`ALTER TABLE public."${r.parent}" DETACH PARTITION ${part}`)
        if (r.parent !== 'Message') return
        const archive = `history."ChannelDelivery_of_${r.name}"`
        await tx.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS ${archive} (LIKE public."ChannelDelivery")`)
        await tx.$executeRawUnsafe(
          `INSERT INTO ${archive} SELECT d.* FROM "ChannelDelivery" d WHERE d."messageId" IN (SELECT id FROM ${part})`,
        )
        await tx.$executeRawUnsafe(`DELETE FROM "ChannelDelivery" d WHERE d."messageId" IN (SELECT id FROM ${part})`)
        await tx.$executeRawUnsafe(
          `DELETE FROM "MessageKey" k USING ${part} m
           WHERE k."authorId" = m."authorId" AND k."idempotencyKey" = m."idempotencyKey"`,
        )
        const fks = await tx.$queryRawUnsafe<{ name: string }[]>(
          `SELECT conname::text AS name FROM pg_constraint WHERE conrelid = '${part}'::regclass AND contype = 'f'`,
        )
        for (const fk of fks) await tx.$executeRawUnsafe(`ALTER TABLE ${part} DROP CONSTRAINT "${fk.name}"`)
      },
      { timeout: 600_000 },
    )
  }
  return left
}
