-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('WECOM');

-- CreateEnum
CREATE TYPE "ChannelInboundStatus" AS ENUM ('RECEIVED', 'HELD', 'ROUTED', 'BINDING', 'REJECTED');

-- CreateEnum
CREATE TYPE "ChannelDeliveryStatus" AS ENUM ('PENDING', 'RETRYING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "ChannelContact" (
    "id" TEXT NOT NULL,
    "channel" "ChannelKind" NOT NULL,
    "externalId" TEXT NOT NULL,
    "accountRef" TEXT NOT NULL,
    "clientId" TEXT,
    "boundAt" TIMESTAMPTZ(3),
    "boundById" TEXT,
    "routingUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelInbound" (
    "id" TEXT NOT NULL,
    "channel" "ChannelKind" NOT NULL,
    "providerMessageId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "mediaRef" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "ChannelInboundStatus" NOT NULL DEFAULT 'RECEIVED',
    "routingKey" UUID NOT NULL DEFAULT gen_random_uuid(),
    "requestId" TEXT,
    "attachmentId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelInbound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelDelivery" (
    "id" TEXT NOT NULL,
    "channel" "ChannelKind" NOT NULL,
    "contactId" TEXT NOT NULL,
    "messageId" TEXT,
    "body" TEXT NOT NULL,
    "status" "ChannelDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "providerMessageId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "ChannelDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelBindingCode" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelBindingCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WecomSettings" (
    "id" TEXT NOT NULL DEFAULT 'wecom',
    "apiBase" TEXT NOT NULL,
    "corpId" TEXT NOT NULL,
    "secretSealed" TEXT NOT NULL,
    "tokenSealed" TEXT NOT NULL,
    "aesKeySealed" TEXT NOT NULL,
    "openKfId" TEXT NOT NULL,
    "accessTokenSealed" TEXT,
    "accessTokenExpiresAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WecomSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WecomCursor" (
    "openKfId" TEXT NOT NULL,
    "cursor" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WecomCursor_pkey" PRIMARY KEY ("openKfId")
);

-- CreateIndex
CREATE INDEX "ChannelContact_clientId_idx" ON "ChannelContact"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelContact_channel_externalId_key" ON "ChannelContact"("channel", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelContact_channel_clientId_key" ON "ChannelContact"("channel", "clientId");

-- CreateIndex
CREATE INDEX "ChannelInbound_contactId_status_sentAt_idx" ON "ChannelInbound"("contactId", "status", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelInbound_channel_providerMessageId_key" ON "ChannelInbound"("channel", "providerMessageId");

-- CreateIndex
CREATE INDEX "ChannelDelivery_messageId_idx" ON "ChannelDelivery"("messageId");

-- CreateIndex
CREATE INDEX "ChannelDelivery_status_createdAt_idx" ON "ChannelDelivery"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelBindingCode_codeHash_key" ON "ChannelBindingCode"("codeHash");

-- CreateIndex
CREATE INDEX "ChannelBindingCode_clientId_idx" ON "ChannelBindingCode"("clientId");

-- AddForeignKey
ALTER TABLE "ChannelContact" ADD CONSTRAINT "ChannelContact_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelInbound" ADD CONSTRAINT "ChannelInbound_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ChannelContact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelDelivery" ADD CONSTRAINT "ChannelDelivery_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ChannelContact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelDelivery" ADD CONSTRAINT "ChannelDelivery_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelBindingCode" ADD CONSTRAINT "ChannelBindingCode_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

