-- CreateEnum
CREATE TYPE "OfferStage" AS ENUM ('BACKUP', 'ALL');

-- AlterTable
ALTER TABLE "ServiceRequest" ADD COLUMN     "offerStage" "OfferStage",
ADD COLUMN     "offeredAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "ServiceRequest_offerStage_idx" ON "ServiceRequest"("offerStage");
