-- CreateIndex
CREATE UNIQUE INDEX "CareTask_requestId_occursOn_key" ON "CareTask"("requestId", "occursOn");
