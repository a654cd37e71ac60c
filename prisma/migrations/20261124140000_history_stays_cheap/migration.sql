-- History that stays cheap (decision 0012): indexes that hold only open work, and the audit log
-- partitioned by month.

-- The live board reads open requests, newest first. This index holds only those, so the board
-- reads the same few entries however many closed requests pile up behind them.
CREATE INDEX "ServiceRequest_open_createdAt_idx" ON "ServiceRequest" ("createdAt")
  WHERE status IN ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_CLIENT', 'WAITING_VENDOR', 'ALTERNATIVE_OFFERED');

-- No query orders or filters clocks by due time over all of history any more (the timer and the
-- sweep use "SlaTimer_nextMark_open_idx", which holds open clocks only): stop maintaining an
-- index that grows with every closed clock.
DROP INDEX IF EXISTS "SlaTimer_dueAt_idx";

-- Audit events, partitioned by month on "at". The partitions live in schema "history" (not the
-- Prisma-managed "public"), so schema diffs see only the parent table. The worker keeps the
-- current and the next two months created (history_ensure_month); an old month can be
-- detached, archived (pg_dump -t) and dropped without touching the rest. A default partition
-- catches a write for a month nobody created yet, so an audit write never fails for that.
CREATE SCHEMA IF NOT EXISTS history;

CREATE OR REPLACE FUNCTION history_ensure_month(parent text, month timestamptz) RETURNS text AS $$
DECLARE
  start timestamptz := date_trunc('month', month AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  name text := parent || '_' || to_char(start AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
  IF to_regclass(format('history.%I', name)) IS NULL THEN
    EXECUTE format('CREATE TABLE history.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)',
      name, parent, start, start + interval '1 month');
  END IF;
  RETURN name;
END;
$$ LANGUAGE plpgsql;

ALTER SEQUENCE "AuditEvent_id_seq" OWNED BY NONE;
DROP TRIGGER audit_event_no_update_delete ON "AuditEvent";
ALTER TABLE "AuditEvent" RENAME TO "AuditEvent_unpartitioned";
ALTER TABLE "AuditEvent_unpartitioned" DROP CONSTRAINT "AuditEvent_pkey";
DROP INDEX "AuditEvent_clientId_at_idx";
DROP INDEX "AuditEvent_actorId_at_idx";
DROP INDEX "AuditEvent_action_at_idx";

CREATE TABLE "AuditEvent" (
    "id" BIGINT NOT NULL DEFAULT nextval('"AuditEvent_id_seq"'),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "clientId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id", "at")
) PARTITION BY RANGE ("at");
ALTER SEQUENCE "AuditEvent_id_seq" OWNED BY "AuditEvent"."id";

CREATE INDEX "AuditEvent_clientId_at_idx" ON "AuditEvent"("clientId", "at");
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

CREATE TABLE history."AuditEvent_default" PARTITION OF "AuditEvent" DEFAULT;

-- Every month that has events, and the current and next two.
DO $$
BEGIN
  PERFORM history_ensure_month('AuditEvent', m)
  FROM generate_series(
    date_trunc('month', LEAST(COALESCE((SELECT min("at") FROM "AuditEvent_unpartitioned"), now()), now()) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
    now() + interval '2 months',
    interval '1 month') AS m;
END;
$$;

INSERT INTO "AuditEvent" SELECT * FROM "AuditEvent_unpartitioned";
DROP TABLE "AuditEvent_unpartitioned";

-- Still evidence: the append-only trigger on the parent applies to every partition.
CREATE TRIGGER audit_event_no_update_delete
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_immutable();
