-- CreateIndex
CREATE INDEX "SlaTimer_kind_startedAt_idx" ON "SlaTimer"("kind", "startedAt");

-- CreateIndex
CREATE INDEX "SlaTimer_kind_metAt_idx" ON "SlaTimer"("kind", "metAt");

-- CreateIndex
CREATE INDEX "ServiceRequest_createdAt_idx" ON "ServiceRequest"("createdAt");

-- CreateIndex
CREATE INDEX "Rating_createdAt_idx" ON "Rating"("createdAt");
