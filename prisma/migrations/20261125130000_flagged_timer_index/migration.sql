-- A butler's "n open · m at risk" (every console page) and the least-loaded pick (every
-- submission) ask, per open request, whether one of its clocks is at risk or breached. Without an
-- index keyed by request for exactly those clocks the planner probed the drill-down's partial
-- index (every breached clock ever, no request key) once per request: 25-35 ms a console page
-- at 3,700 requests, growing with history. This one holds only the open flagged clocks.
CREATE INDEX "SlaTimer_flagged_open_idx" ON "SlaTimer" ("requestId")
  WHERE "metAt" IS NULL AND "cancelledAt" IS NULL AND ("atRiskFiredAt" IS NOT NULL OR "breachedAt" IS NOT NULL);
