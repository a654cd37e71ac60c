import 'server-only'
import { rawDb } from '../db'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { AppError } from '../errors'
import { canSeeRequest } from '../requests/queries'

// A request page open in the console beats every few seconds; typing in its composer beats at
// once. Someone counts as viewing for VIEWING_SECONDS after a beat and as replying for
// REPLYING_SECONDS after a keystroke, so a closed laptop stops showing within seconds.
export const REQUEST_BEAT_SECONDS = 4
const VIEWING_SECONDS = 10
const REPLYING_SECONDS = 6

export type Watcher = { userId: string; name: string; replying: boolean }

export type RequestBeat = 'viewing' | 'replying' | 'leaving'

// Records the viewer's beat on a request they may see and answers with the colleagues who have
// it open now (never the viewer). A request outside the viewer's scope is "not found".
export async function beatOnRequest(actor: Actor, requestId: string, beat: RequestBeat): Promise<Watcher[]> {
  assertCan(actor, 'request.serve')
  if (!(await canSeeRequest(actor, requestId))) throw new AppError('NOT_FOUND', 'errors.notFound')
  if (beat === 'leaving') {
    await rawDb.$executeRaw`UPDATE "RequestView" SET "leftAt" = clock_timestamp(), "replyingAt" = NULL
      WHERE "requestId" = ${requestId} AND "userId" = ${actor.userId}`
    return []
  }
  const replying = beat === 'replying'
  await rawDb.$executeRaw`INSERT INTO "RequestView" ("requestId", "userId", "seenAt", "replyingAt")
    VALUES (${requestId}, ${actor.userId}, clock_timestamp(), CASE WHEN ${replying} THEN clock_timestamp() END)
    ON CONFLICT ("requestId", "userId") DO UPDATE SET "seenAt" = clock_timestamp(), "leftAt" = NULL,
      "replyingAt" = CASE WHEN ${replying} THEN clock_timestamp() ELSE "RequestView"."replyingAt" END`
  return watchersOf(actor, requestId)
}

async function watchersOf(actor: Actor, requestId: string): Promise<Watcher[]> {
  return rawDb.$queryRaw<Watcher[]>`SELECT v."userId", u.name,
      COALESCE(v."replyingAt" > clock_timestamp() - make_interval(secs => ${REPLYING_SECONDS}), FALSE) AS replying
    FROM "RequestView" v JOIN "User" u ON u.id = v."userId"
    WHERE v."requestId" = ${requestId} AND v."userId" <> ${actor.userId} AND v."leftAt" IS NULL
      AND v."seenAt" > clock_timestamp() - make_interval(secs => ${VIEWING_SECONDS})
    ORDER BY replying DESC, u.name`
}
