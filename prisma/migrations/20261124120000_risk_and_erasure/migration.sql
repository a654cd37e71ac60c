-- CreateEnum
CREATE TYPE "RiskRuleKind" AS ENUM ('CATEGORY', 'KEYWORD', 'SPEND', 'DELEGATE', 'MINOR', 'NEW_CONTACT');

-- CreateEnum
CREATE TYPE "RiskReviewStatus" AS ENUM ('PENDING', 'APPROVED', 'DECLINED');

-- AlterTable
ALTER TABLE "Client" ADD COLUMN "erasedAt" TIMESTAMPTZ(3),
ADD COLUMN "erasureNumber" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Client_erasureNumber_key" ON "Client"("erasureNumber");

-- Numbers the erased clients ("Erased client #N") without reusing one.
CREATE SEQUENCE "ClientErasureNumber";

-- CreateTable
CREATE TABLE "RiskRule" (
    "id" TEXT NOT NULL,
    "kind" "RiskRuleKind" NOT NULL,
    "label" TEXT NOT NULL,
    "category" "Category",
    "service" TEXT,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "threshold" DECIMAL(14,2),
    "currency" TEXT,
    "days" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RiskRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskReview" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" "RiskReviewStatus" NOT NULL DEFAULT 'PENDING',
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "note" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "alternativeId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "flaggedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RiskRule_active_kind_idx" ON "RiskRule"("active", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "RiskReview_requestId_key" ON "RiskReview"("requestId");

-- CreateIndex
CREATE INDEX "RiskReview_status_flaggedAt_idx" ON "RiskReview"("status", "flaggedAt");

-- AddForeignKey
ALTER TABLE "RiskReview" ADD CONSTRAINT "RiskReview_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
