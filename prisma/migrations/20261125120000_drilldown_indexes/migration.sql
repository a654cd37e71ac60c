-- The requests behind a dashboard figure (lib/kpi/queries.ts drillDown) without reading the
-- period's clocks one by one: clocks that were breached or are still unanswered, and resolution
-- clocks of requests the client had to chase, each in a small partial index with the request it
-- belongs to. At 10M requests the breached drill-down read every clock of its 30 days from the
-- table (1.3 s); these indexes hold a few percent of the clocks.
-- The predicates name no clock kind: Prisma sends an enum as a text parameter cast to the type,
-- which the planner cannot prove equal to a constant in an index predicate, so the kind is the
-- first column instead. Partial, so Prisma leaves them alone (as the covering indexes of
-- 20261124150000_kpi_from_clocks).
CREATE INDEX "SlaTimer_kind_startedAt_late_idx" ON "SlaTimer" ("kind", "startedAt") INCLUDE ("requestId", "breachedAt", "metAt")
  WHERE "breachedAt" IS NOT NULL OR "metAt" IS NULL;
CREATE INDEX "SlaTimer_kind_metAt_followedUp_idx" ON "SlaTimer" ("kind", "metAt") INCLUDE ("requestId")
  WHERE "followedUp";
