-- The worker holds one timer for the nearest undecided mark (at-risk, hand-off, due) over all
-- open clocks. This partial index holds only open clocks, ordered by that next mark, so
-- `ORDER BY <next mark> LIMIT 1` reads one index entry however many clocks have closed.
-- The expression must stay identical to NEXT_MARK in lib/sla/service.ts.
CREATE INDEX "SlaTimer_nextMark_open_idx" ON "SlaTimer" ((LEAST(
    CASE WHEN "atRiskFiredAt" IS NULL THEN "atRiskAt" END,
    CASE WHEN "handoffFiredAt" IS NULL THEN "handoffAt" END,
    "dueAt")))
  WHERE "metAt" IS NULL AND "breachedAt" IS NULL AND "pausedAt" IS NULL AND "cancelledAt" IS NULL;

-- A write that starts, resumes, shifts or reopens a clock tells the workers, in its own
-- transaction (delivered only on commit), the epoch milliseconds of that clock's next mark;
-- a worker re-arms its timer when the mark is nearer than the one it waits for. A trigger,
-- so that no writer (service, script, migration) can move a deadline without the workers hearing.
CREATE OR REPLACE FUNCTION sla_marks_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('sla_marks', floor(extract(epoch FROM LEAST(
    CASE WHEN NEW."atRiskFiredAt" IS NULL THEN NEW."atRiskAt" END,
    CASE WHEN NEW."handoffFiredAt" IS NULL THEN NEW."handoffAt" END,
    NEW."dueAt")) * 1000)::bigint::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER sla_marks_changed
  AFTER INSERT OR UPDATE OF "dueAt", "atRiskAt", "handoffAt", "pausedAt", "metAt", "breachedAt", "cancelledAt" ON "SlaTimer"
  FOR EACH ROW
  WHEN (NEW."metAt" IS NULL AND NEW."breachedAt" IS NULL AND NEW."pausedAt" IS NULL AND NEW."cancelledAt" IS NULL)
  EXECUTE FUNCTION sla_marks_notify();
