-- Dashboards that do not slow down as history grows (decision 0014). The KPIs are rolled up per
-- UTC day by the worker; a period reads the roll-ups of its whole UTC days and computes the rest
-- live: today, the partial days at its edges (a supervisor's day starts at their own midnight),
-- days not rolled up yet and days changed since their roll-up. Both parts read the same "facts"
-- functions below, and the medians stay exact (per-day value spreads), so a period's answer is
-- the live computation's, to the last digit.

-- What each KPI counts, for clocks, requests and ratings in [lo_at, hi_at). The roll-up of a day
-- and the live part of a period both read these, so they cannot disagree. Each is an index-only
-- range scan. They run as functions (not inlined: the SET clause) with JIT off: the planner
-- cannot know how few rows a day's range holds, and a dashboard statement estimated at millions
-- of rows spent 300 ms compiling itself (JIT) to run for 30.
CREATE FUNCTION kpi_first_response_facts(lo_at timestamptz, hi_at timestamptz)
RETURNS TABLE (v double precision, within boolean, breached boolean)
LANGUAGE sql STABLE ROWS 500 SET jit = off AS $$
  SELECT EXTRACT(EPOCH FROM t."metAt" - t."startedAt")::double precision,
         t."metAt" IS NOT NULL AND t."metAt" < t."dueAt",
         t."breachedAt" IS NOT NULL
  FROM "SlaTimer" t
  WHERE t.kind = 'FIRST_RESPONSE' AND t."startedAt" >= $1 AND t."startedAt" < $2
$$;

CREATE FUNCTION kpi_resolution_facts(lo_at timestamptz, hi_at timestamptz)
RETURNS TABLE (category "Category", v double precision, within boolean, first_contact boolean)
LANGUAGE sql STABLE ROWS 500 SET jit = off AS $$
  SELECT t.category,
         (EXTRACT(EPOCH FROM t."metAt" - t."startedAt") - t."pausedMs" / 1000.0)::double precision,
         t."metAt" < t."dueAt",
         NOT t."followedUp"
  FROM "SlaTimer" t
  WHERE t.kind = 'RESOLUTION' AND t."metAt" >= $1 AND t."metAt" < $2
$$;

CREATE FUNCTION kpi_request_facts(lo_at timestamptz, hi_at timestamptz)
RETURNS TABLE (category "Category")
LANGUAGE sql STABLE ROWS 500 SET jit = off AS $$
  SELECT r.category FROM "ServiceRequest" r WHERE r."createdAt" >= $1 AND r."createdAt" < $2
$$;

CREATE FUNCTION kpi_rating_facts(lo_at timestamptz, hi_at timestamptz)
RETURNS TABLE (score integer)
LANGUAGE sql STABLE ROWS 500 SET jit = off AS $$
  SELECT r.score FROM "Rating" r WHERE r."createdAt" >= $1 AND r."createdAt" < $2
$$;

-- Ratings by period, read index-only like the clocks and the requests.
CREATE INDEX "Rating_createdAt_cover_idx" ON "Rating" ("createdAt") INCLUDE ("score") WHERE "createdAt" IS NOT NULL;
DROP INDEX "Rating_createdAt_idx";

-- Value buckets for exact percentiles: 0 below zero, 1 for [0, 1 s), then sixteen per doubling
-- (each about 4.4% wide) up to 2^24 s (194 days), the last one open-ended. Bucket order is value
-- order (width_bucket only compares), which is all the percentile search relies on.
DO $$
BEGIN
  EXECUTE format(
    'CREATE FUNCTION kpi_bucket(v double precision) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %L',
    format('SELECT width_bucket($1, %L::double precision[])',
      (SELECT array_agg(b ORDER BY b) FROM (
        SELECT 0::double precision AS b
        UNION ALL SELECT power(2::double precision, k / 16.0::double precision) FROM generate_series(0, 384) k) x)));
END;
$$;

-- Days rolled up (all the tables below hold that day, computed after it ended).
CREATE TABLE "KpiDay" (
    "day" DATE NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "KpiDay_pkey" PRIMARY KEY ("day")
);

-- Days changed after they ended (a late rating, a follow-up on a resolved request, a category
-- changed): read live until the worker rolls them up again.
CREATE TABLE "KpiDirtyDay" (
    "day" DATE NOT NULL,
    "markedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "KpiDirtyDay_pkey" PRIMARY KEY ("day")
);

-- First-response clocks started that day; "buckets"/"bucketCounts": how many answer times fall
-- in each value bucket (the answered ones), to find a percentile's bucket without the values.
CREATE TABLE "KpiFirstResponseDay" (
    "day" DATE NOT NULL,
    "total" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "within" INTEGER NOT NULL,
    "breaches" INTEGER NOT NULL,
    "buckets" INTEGER[],
    "bucketCounts" INTEGER[],
    CONSTRAINT "KpiFirstResponseDay_pkey" PRIMARY KEY ("day")
);

-- The answer times themselves, per bucket: distinct values in order, and how often each occurs.
CREATE TABLE "KpiFirstResponseSpread" (
    "day" DATE NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "vals" DOUBLE PRECISION[],
    "cnts" INTEGER[],
    CONSTRAINT "KpiFirstResponseSpread_pkey" PRIMARY KEY ("day", "bucket")
);

-- Resolution clocks met that day, by category (a clock's category is never null: a trigger
-- copies it from its request).
CREATE TABLE "KpiResolutionDay" (
    "day" DATE NOT NULL,
    "category" "Category" NOT NULL,
    "count" INTEGER NOT NULL,
    "within" INTEGER NOT NULL,
    "firstContact" INTEGER NOT NULL,
    "buckets" INTEGER[],
    "bucketCounts" INTEGER[],
    CONSTRAINT "KpiResolutionDay_pkey" PRIMARY KEY ("day", "category")
);

CREATE TABLE "KpiResolutionSpread" (
    "day" DATE NOT NULL,
    "category" "Category" NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "vals" DOUBLE PRECISION[],
    "cnts" INTEGER[],
    CONSTRAINT "KpiResolutionSpread_pkey" PRIMARY KEY ("day", "category", "bucket")
);

-- Requests created that day, by category.
CREATE TABLE "KpiRequestDay" (
    "day" DATE NOT NULL,
    "category" "Category" NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "KpiRequestDay_pkey" PRIMARY KEY ("day", "category")
);

-- Ratings given that day, by score.
CREATE TABLE "KpiRatingDay" (
    "day" DATE NOT NULL,
    "score" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "KpiRatingDay_pkey" PRIMARY KEY ("day", "score")
);

-- The UTC days a period [lo_at, hi_at) touches: each day's part of the period, and whether that
-- part is read from the roll-ups (a whole day, rolled up and not changed since) or live.
CREATE FUNCTION kpi_plan(lo_at timestamptz, hi_at timestamptz)
RETURNS TABLE (day date, lo timestamptz, hi timestamptz, rolled boolean)
LANGUAGE sql STABLE STRICT ROWS 31 AS $$
  SELECT x.day, greatest(x.s, $1), least(x.e, $2),
         x.s >= $1 AND x.e <= $2
           AND EXISTS (SELECT 1 FROM "KpiDay" k WHERE k.day = x.day)
           AND NOT EXISTS (SELECT 1 FROM "KpiDirtyDay" w WHERE w.day = x.day)
  FROM (
    SELECT g::date AS day, g AT TIME ZONE 'UTC' AS s, (g + interval '1 day') AT TIME ZONE 'UTC' AS e
    FROM generate_series(date_trunc('day', $1 AT TIME ZONE 'UTC'), ($2 AT TIME ZONE 'UTC') - interval '1 microsecond',
                         interval '1 day') g
    WHERE $1 < $2
  ) x
$$;

-- Rolls one UTC day up. Run in a REPEATABLE READ transaction (lib/kpi/rollup.ts), so every table
-- is computed from one snapshot, and the day's change mark is forgotten in that same snapshot:
-- a change committed later leaves its own mark and the day is read live until the next roll-up.
CREATE FUNCTION kpi_rollup_day(d date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lo timestamptz := d::timestamp AT TIME ZONE 'UTC';
  hi timestamptz := (d + 1)::timestamp AT TIME ZONE 'UTC';
BEGIN
  DELETE FROM "KpiDirtyDay" WHERE day = d;
  DELETE FROM "KpiFirstResponseDay" WHERE day = d;
  DELETE FROM "KpiFirstResponseSpread" WHERE day = d;
  DELETE FROM "KpiResolutionDay" WHERE day = d;
  DELETE FROM "KpiResolutionSpread" WHERE day = d;
  DELETE FROM "KpiRequestDay" WHERE day = d;
  DELETE FROM "KpiRatingDay" WHERE day = d;

  INSERT INTO "KpiFirstResponseSpread" (day, bucket, n, vals, cnts)
  SELECT d, b, sum(c), array_agg(v ORDER BY v), array_agg(c ORDER BY v)
  FROM (SELECT kpi_bucket(f.v) AS b, f.v, count(*)::integer AS c
        FROM kpi_first_response_facts(lo, hi) f WHERE f.v IS NOT NULL GROUP BY 1, 2) x
  GROUP BY b;

  INSERT INTO "KpiFirstResponseDay" (day, total, answered, within, breaches, buckets, "bucketCounts")
  SELECT d, count(*), count(f.v), count(*) FILTER (WHERE f.within), count(*) FILTER (WHERE f.breached),
         (SELECT array_agg(s.bucket ORDER BY s.bucket) FROM "KpiFirstResponseSpread" s WHERE s.day = d),
         (SELECT array_agg(s.n ORDER BY s.bucket) FROM "KpiFirstResponseSpread" s WHERE s.day = d)
  FROM kpi_first_response_facts(lo, hi) f
  HAVING count(*) > 0;

  INSERT INTO "KpiResolutionSpread" (day, category, bucket, n, vals, cnts)
  SELECT d, category, b, sum(c), array_agg(v ORDER BY v), array_agg(c ORDER BY v)
  FROM (SELECT f.category, kpi_bucket(f.v) AS b, f.v, count(*)::integer AS c
        FROM kpi_resolution_facts(lo, hi) f GROUP BY 1, 2, 3) x
  GROUP BY category, b;

  INSERT INTO "KpiResolutionDay" (day, category, count, within, "firstContact", buckets, "bucketCounts")
  SELECT d, f.category, count(*), count(*) FILTER (WHERE f.within), count(*) FILTER (WHERE f.first_contact),
         (SELECT array_agg(s.bucket ORDER BY s.bucket) FROM "KpiResolutionSpread" s WHERE s.day = d AND s.category = f.category),
         (SELECT array_agg(s.n ORDER BY s.bucket) FROM "KpiResolutionSpread" s WHERE s.day = d AND s.category = f.category)
  FROM kpi_resolution_facts(lo, hi) f
  GROUP BY f.category;

  INSERT INTO "KpiRequestDay" (day, category, count)
  SELECT d, f.category, count(*) FROM kpi_request_facts(lo, hi) f GROUP BY f.category;

  INSERT INTO "KpiRatingDay" (day, score, count)
  SELECT d, f.score, count(*) FROM kpi_rating_facts(lo, hi) f GROUP BY f.score;

  INSERT INTO "KpiDay" (day, "computedAt") VALUES (d, now())
  ON CONFLICT (day) DO UPDATE SET "computedAt" = excluded."computedAt";
END;
$$;

-- Change marks. A write that touches a KPI fact of a day that has already ended (by the clock,
-- not the transaction's start) marks that day. Writes to today's facts, nearly all of them,
-- are filtered out by the triggers' WHEN clauses and cost no function call.
CREATE FUNCTION kpi_today() RETURNS timestamptz LANGUAGE sql VOLATILE AS $$
  SELECT date_trunc('day', clock_timestamp() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
$$;

CREATE FUNCTION kpi_mark_days(VARIADIC ats timestamptz[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "KpiDirtyDay" (day)
  SELECT DISTINCT (a AT TIME ZONE 'UTC')::date FROM unnest($1) a WHERE a < kpi_today()
  ON CONFLICT (day) DO NOTHING
$$;

-- A clock's KPI day: a first response counts on the day it started, a resolution on the day
-- it was met; other clocks count nowhere.
CREATE FUNCTION kpi_clock_day(kind "TimerKind", started timestamptz, met timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE $1 WHEN 'FIRST_RESPONSE' THEN $2 WHEN 'RESOLUTION' THEN $3 END
$$;

CREATE FUNCTION kpi_clock_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM kpi_mark_days(kpi_clock_day(NEW.kind, NEW."startedAt", NEW."metAt"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM kpi_mark_days(kpi_clock_day(OLD.kind, OLD."startedAt", OLD."metAt"));
  ELSE
    PERFORM kpi_mark_days(kpi_clock_day(OLD.kind, OLD."startedAt", OLD."metAt"),
                          kpi_clock_day(NEW.kind, NEW."startedAt", NEW."metAt"));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER sla_timer_kpi_insert AFTER INSERT ON "SlaTimer" FOR EACH ROW
  WHEN (kpi_clock_day(NEW.kind, NEW."startedAt", NEW."metAt") < kpi_today())
  EXECUTE FUNCTION kpi_clock_changed();
CREATE TRIGGER sla_timer_kpi_update
  AFTER UPDATE OF kind, "startedAt", "metAt", "dueAt", "breachedAt", "pausedMs", category, "followedUp" ON "SlaTimer"
  FOR EACH ROW
  WHEN ((kpi_clock_day(OLD.kind, OLD."startedAt", OLD."metAt") < kpi_today()
         OR kpi_clock_day(NEW.kind, NEW."startedAt", NEW."metAt") < kpi_today())
        AND (OLD.kind, OLD."startedAt", OLD."metAt", OLD."dueAt", OLD."breachedAt", OLD."pausedMs", OLD.category, OLD."followedUp")
            IS DISTINCT FROM
            (NEW.kind, NEW."startedAt", NEW."metAt", NEW."dueAt", NEW."breachedAt", NEW."pausedMs", NEW.category, NEW."followedUp"))
  EXECUTE FUNCTION kpi_clock_changed();
CREATE TRIGGER sla_timer_kpi_delete AFTER DELETE ON "SlaTimer" FOR EACH ROW
  WHEN (kpi_clock_day(OLD.kind, OLD."startedAt", OLD."metAt") < kpi_today())
  EXECUTE FUNCTION kpi_clock_changed();

CREATE FUNCTION kpi_created_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM kpi_mark_days(NEW."createdAt");
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM kpi_mark_days(OLD."createdAt");
  ELSE
    PERFORM kpi_mark_days(OLD."createdAt", NEW."createdAt");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER service_request_kpi_insert AFTER INSERT ON "ServiceRequest" FOR EACH ROW
  WHEN (NEW."createdAt" < kpi_today())
  EXECUTE FUNCTION kpi_created_changed();
CREATE TRIGGER service_request_kpi_update AFTER UPDATE OF category, "createdAt" ON "ServiceRequest" FOR EACH ROW
  WHEN ((OLD."createdAt" < kpi_today() OR NEW."createdAt" < kpi_today())
        AND (OLD.category, OLD."createdAt") IS DISTINCT FROM (NEW.category, NEW."createdAt"))
  EXECUTE FUNCTION kpi_created_changed();
CREATE TRIGGER service_request_kpi_delete AFTER DELETE ON "ServiceRequest" FOR EACH ROW
  WHEN (OLD."createdAt" < kpi_today())
  EXECUTE FUNCTION kpi_created_changed();

CREATE TRIGGER rating_kpi_insert AFTER INSERT ON "Rating" FOR EACH ROW
  WHEN (NEW."createdAt" < kpi_today())
  EXECUTE FUNCTION kpi_created_changed();
CREATE TRIGGER rating_kpi_update AFTER UPDATE OF score, "createdAt" ON "Rating" FOR EACH ROW
  WHEN ((OLD."createdAt" < kpi_today() OR NEW."createdAt" < kpi_today())
        AND (OLD.score, OLD."createdAt") IS DISTINCT FROM (NEW.score, NEW."createdAt"))
  EXECUTE FUNCTION kpi_created_changed();
CREATE TRIGGER rating_kpi_delete AFTER DELETE ON "Rating" FOR EACH ROW
  WHEN (OLD."createdAt" < kpi_today())
  EXECUTE FUNCTION kpi_created_changed();
