-- CreateTable
CREATE TABLE "RequestView" (
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,
    "replyingAt" TIMESTAMPTZ(3),
    "leftAt" TIMESTAMPTZ(3),

    CONSTRAINT "RequestView_pkey" PRIMARY KEY ("requestId","userId")
);

-- CreateIndex
CREATE INDEX "RequestView_userId_idx" ON "RequestView"("userId");

-- AddForeignKey
ALTER TABLE "RequestView" ADD CONSTRAINT "RequestView_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestView" ADD CONSTRAINT "RequestView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
