-- AlterTable
ALTER TABLE "SlaPolicy" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
