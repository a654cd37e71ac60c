-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "idempotencyKey" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Message_authorId_idempotencyKey_key" ON "Message"("authorId", "idempotencyKey");

