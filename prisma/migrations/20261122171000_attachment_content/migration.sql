-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN "content" BYTEA NOT NULL;
