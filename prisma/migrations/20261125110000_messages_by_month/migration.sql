-- Messages partitioned by month on "createdAt", like the audit events (decision 0012): the
-- partitions live in schema "history" (history."Message_YYYY_MM"), the worker keeps the current
-- and the next two months created (history_ensure_month, lib/db/partitions.ts), a default
-- partition catches a write for a month nobody created, and an old month can be detached whole
-- (detachHistoryBefore; docs/operations.md).
--
-- PostgreSQL requires the partition column in every unique constraint of a partitioned table,
-- and a foreign key must point at a unique constraint. Three consequences:
--
-- 1. The key is ("id", "createdAt"). Prisma keeps `id` as the model's identifier (its client only
--    ever writes WHERE id = ..., which reads each month's primary-key index by its first
--    column). A message's id and "createdAt" never change (a trigger refuses it), so an id is
--    still unique: it is a cuid made once per message.
--
-- 2. "Once per author and idempotency key" cannot be a unique index of the partitioned table any
--    more (it would be per month). The keys move to "MessageKey" (primary key: author, key),
--    written by a trigger in the same statement as the message: a second message with the same
--    author and key fails with the same unique violation (P2002) the composer's retry path
--    already handles, and the message table keeps a plain index for "the message this key made".
--
-- 3. "ChannelDelivery"."messageId" can no longer be a foreign key to "Message"("id"). Its two
--    duties are kept by triggers instead: a delivery may only name an existing message (checked
--    with the lock a foreign key takes, FOR KEY SHARE, so a concurrent delete waits or the insert
--    fails with foreign_key_violation), and deleting a message deletes its deliveries (as ON
--    DELETE CASCADE did). Detaching a month moves the deliveries of its messages into an archive
--    table beside it (history."ChannelDelivery_of_Message_YYYY_MM"), so no delivery is left
--    pointing at a message the live table no longer has.
--
-- Prisma's schema keeps `@id` on Message.id and the ChannelDelivery.message relation (the client
-- needs both), so `prisma migrate diff --from-migrations --to-schema-datamodel` proposes exactly
-- two statements: the primary key on "id" alone and the foreign key to "Message"("id"). Both are
-- impossible on a partitioned table and deliberate: delete them from any generated migration.

-- 2. Idempotency keys.
CREATE TABLE "MessageKey" (
    "authorId" TEXT NOT NULL,
    "idempotencyKey" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    CONSTRAINT "MessageKey_pkey" PRIMARY KEY ("authorId", "idempotencyKey")
);
INSERT INTO "MessageKey" ("authorId", "idempotencyKey", "messageId")
SELECT "authorId", "idempotencyKey", id FROM "Message" WHERE "idempotencyKey" IS NOT NULL;

-- 3. The deliveries' reference (kept by the triggers below).
ALTER TABLE "ChannelDelivery" DROP CONSTRAINT "ChannelDelivery_messageId_fkey";

-- 1. The partitioned table.
ALTER TABLE "Message" RENAME TO "Message_unpartitioned";
ALTER TABLE "Message_unpartitioned" DROP CONSTRAINT "Message_pkey";
ALTER TABLE "Message_unpartitioned" DROP CONSTRAINT "Message_requestId_fkey";
ALTER TABLE "Message_unpartitioned" DROP CONSTRAINT "Message_authorId_fkey";
DROP INDEX "Message_authorId_idempotencyKey_key";
DROP INDEX "Message_requestId_createdAt_idx";

CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "visibility" "MessageVisibility" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idempotencyKey" UUID,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id", "createdAt")
) PARTITION BY RANGE ("createdAt");

CREATE INDEX "Message_requestId_createdAt_idx" ON "Message"("requestId", "createdAt");
CREATE INDEX "Message_authorId_idempotencyKey_idx" ON "Message"("authorId", "idempotencyKey");
ALTER TABLE "Message" ADD CONSTRAINT "Message_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Message" ADD CONSTRAINT "Message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE history."Message_default" PARTITION OF "Message" DEFAULT;

-- Every month that has messages, and the current and next two.
DO $$
BEGIN
  PERFORM history_ensure_month('Message', m)
  FROM generate_series(
    date_trunc('month', LEAST(COALESCE((SELECT min("createdAt") FROM "Message_unpartitioned"), now()), now()) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
    now() + interval '2 months',
    interval '1 month') AS m;
END;
$$;

INSERT INTO "Message" (id, "requestId", "authorId", visibility, body, "createdAt", "idempotencyKey")
SELECT id, "requestId", "authorId", visibility, body, "createdAt", "idempotencyKey" FROM "Message_unpartitioned";
DROP TABLE "Message_unpartitioned";

-- A message's id and time are fixed: its month (partition), its key and its deliveries hang on them.
CREATE FUNCTION message_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'a message''s id and "createdAt" do not change' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER message_fixed BEFORE UPDATE OF id, "createdAt" ON "Message"
  FOR EACH ROW EXECUTE FUNCTION message_fixed();

-- 2. The key of a message, written with it; a repeated (author, key) fails here with 23505.
CREATE FUNCTION message_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."idempotencyKey" IS NOT NULL THEN
    DELETE FROM "MessageKey" WHERE "authorId" = OLD."authorId" AND "idempotencyKey" = OLD."idempotencyKey";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."idempotencyKey" IS NOT NULL THEN
    INSERT INTO "MessageKey" ("authorId", "idempotencyKey", "messageId")
    VALUES (NEW."authorId", NEW."idempotencyKey", NEW.id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER message_key_insert AFTER INSERT ON "Message"
  FOR EACH ROW WHEN (NEW."idempotencyKey" IS NOT NULL) EXECUTE FUNCTION message_key();
CREATE TRIGGER message_key_update AFTER UPDATE OF "authorId", "idempotencyKey" ON "Message"
  FOR EACH ROW WHEN ((OLD."authorId", OLD."idempotencyKey") IS DISTINCT FROM (NEW."authorId", NEW."idempotencyKey"))
  EXECUTE FUNCTION message_key();

-- 3. Deleting a message deletes its key and its deliveries (ON DELETE CASCADE, as before).
CREATE FUNCTION message_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."idempotencyKey" IS NOT NULL THEN
    DELETE FROM "MessageKey" WHERE "authorId" = OLD."authorId" AND "idempotencyKey" = OLD."idempotencyKey";
  END IF;
  DELETE FROM "ChannelDelivery" WHERE "messageId" = OLD.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER message_deleted AFTER DELETE ON "Message"
  FOR EACH ROW EXECUTE FUNCTION message_deleted();

-- 3. A delivery names an existing message, locked as a foreign key would lock it.
CREATE FUNCTION channel_delivery_message_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Message" WHERE id = NEW."messageId" FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'channel delivery names message %, which does not exist', NEW."messageId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER channel_delivery_message_exists BEFORE INSERT OR UPDATE OF "messageId" ON "ChannelDelivery"
  FOR EACH ROW WHEN (NEW."messageId" IS NOT NULL) EXECUTE FUNCTION channel_delivery_message_exists();
