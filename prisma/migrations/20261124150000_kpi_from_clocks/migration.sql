-- Dashboards that read only the period they show (decision 0012). Each KPI is answered from one
-- index range of the clocks in the period, read index-only: no join to the requests, no lookup
-- per clock, so the cost follows the period's volume and not the size of the history behind it.

-- A clock carries its request's category, and a resolution clock whether the client had to
-- follow up (a next-response clock started on the request). Both are kept by triggers, so no
-- writer can leave them stale.
ALTER TABLE "SlaTimer" ADD COLUMN "category" "Category";
ALTER TABLE "SlaTimer" ADD COLUMN "followedUp" BOOLEAN NOT NULL DEFAULT false;

UPDATE "SlaTimer" t SET "category" = r.category FROM "ServiceRequest" r WHERE r.id = t."requestId";
UPDATE "SlaTimer" t SET "followedUp" = true
WHERE t.kind = 'RESOLUTION'
  AND EXISTS (SELECT 1 FROM "SlaTimer" n WHERE n."requestId" = t."requestId" AND n.kind = 'NEXT_RESPONSE');

CREATE OR REPLACE FUNCTION sla_timer_facts() RETURNS trigger AS $$
BEGIN
  SELECT category INTO NEW."category" FROM "ServiceRequest" WHERE id = NEW."requestId";
  IF NEW.kind = 'RESOLUTION' THEN
    NEW."followedUp" := EXISTS (
      SELECT 1 FROM "SlaTimer" WHERE "requestId" = NEW."requestId" AND kind = 'NEXT_RESPONSE');
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER sla_timer_facts
  BEFORE INSERT ON "SlaTimer"
  FOR EACH ROW EXECUTE FUNCTION sla_timer_facts();

CREATE OR REPLACE FUNCTION sla_timer_followed_up() RETURNS trigger AS $$
BEGIN
  UPDATE "SlaTimer" SET "followedUp" = true
  WHERE "requestId" = NEW."requestId" AND kind = 'RESOLUTION' AND NOT "followedUp";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER sla_timer_followed_up
  AFTER INSERT ON "SlaTimer"
  FOR EACH ROW WHEN (NEW.kind = 'NEXT_RESPONSE')
  EXECUTE FUNCTION sla_timer_followed_up();

CREATE OR REPLACE FUNCTION request_category_to_clocks() RETURNS trigger AS $$
BEGIN
  UPDATE "SlaTimer" SET "category" = NEW.category WHERE "requestId" = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER request_category_to_clocks
  AFTER UPDATE OF category ON "ServiceRequest"
  FOR EACH ROW WHEN (OLD.category IS DISTINCT FROM NEW.category)
  EXECUTE FUNCTION request_category_to_clocks();

-- Covering indexes: everything the KPI queries read of a clock or a request is in the index.
-- They replace the plain ones. Prisma cannot express INCLUDE and would drop them in a later
-- migration, but it leaves partial indexes alone: each is partial on a condition every period
-- query implies (a range on the column means it is not null), so the planner still uses it.
DROP INDEX "SlaTimer_kind_startedAt_idx";
CREATE INDEX "SlaTimer_kind_startedAt_cover_idx" ON "SlaTimer" ("kind", "startedAt")
  INCLUDE ("metAt", "dueAt", "breachedAt") WHERE "startedAt" IS NOT NULL;
DROP INDEX "SlaTimer_kind_metAt_idx";
CREATE INDEX "SlaTimer_kind_metAt_cover_idx" ON "SlaTimer" ("kind", "metAt")
  INCLUDE ("startedAt", "dueAt", "pausedMs", "category", "followedUp") WHERE "metAt" IS NOT NULL;
DROP INDEX "ServiceRequest_createdAt_idx";
CREATE INDEX "ServiceRequest_createdAt_cover_idx" ON "ServiceRequest" ("createdAt")
  INCLUDE ("category") WHERE "createdAt" IS NOT NULL;
