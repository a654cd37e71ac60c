import 'server-only'
import { db, rawTransaction, type Tx } from '../db'
import type { RawDb } from '../db/raw'
import type { Prisma } from '../generated/prisma/client'
import { AppError } from '../errors'
import { assertCan, type Ability } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { requestScope, requestScopeSql, VIEWER_PARAMS } from '../auth/scope'
import { recordAuditEntry, type AuditEntry } from '../audit/record'
import { publish, type DomainEvent } from '../events/publish'

type Located = { id: string; clientId: string }
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

// What a change did: its result, the audit row (about the request itself unless it names
// another row) and the event every viewer hears of ("the request was updated" unless it says
// otherwise). A change that finds it was already made (a retried send with the same key)
// returns `replayed` and writes nothing more.
export type RequestChange<T> =
  | {
      result: T
      audit: Omit<AuditEntry, 'entity'> & Partial<Pick<AuditEntry, 'entity'>>
      event?: DistributiveOmit<DomainEvent, 'requestId' | 'clientId'>
    }
  | { replayed: T }

// The unit of work for every change to a request: the actor's ability, the request loaded
// inside their scope (or NOT_FOUND, so a stranger learns nothing), the change, its audit row
// and its event, all in one short transaction.
export async function changeRequest<S extends Prisma.ServiceRequestSelect, T>(
  actor: Actor,
  ability: Ability,
  where: Prisma.ServiceRequestWhereInput,
  select: S,
  change: (tx: Tx, request: Prisma.ServiceRequestGetPayload<{ select: S }> & Located) => Promise<RequestChange<T>>,
): Promise<T> {
  assertCan(actor, ability)
  return db.$transaction(async (tx) => {
    const request = (await tx.serviceRequest.findFirst({
      where: { AND: [where, requestScope(actor)] },
      select: { ...select, id: true, clientId: true },
    })) as (Prisma.ServiceRequestGetPayload<{ select: S }> & Located) | null
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    return finishChange(tx, actor, request, await change(tx, request))
  })
}

// changeRequest for the busiest changes (a client's message): the same steps in raw statements
// through pg (lib/db/raw.ts). `columns` are what `change` reads of the request `r` and its
// client `c`; `lock` takes the request's row lock with the read (FOR UPDATE).
export async function changeRequestRaw<R extends object, T>(
  actor: Actor,
  ability: Ability,
  requestId: string,
  read: { columns: string; lock?: boolean },
  change: (tx: RawDb, request: R & Located) => Promise<RequestChange<T>>,
): Promise<T> {
  assertCan(actor, ability)
  return rawTransaction(async (tx) => {
    const [request] = await tx.$queryRawUnsafe<(R & Located)[]>(
      `SELECT r.id, r."clientId", ${read.columns}
       FROM "ServiceRequest" r JOIN "Client" c ON c.id = r."clientId" ${VIEWER_PARAMS}
       WHERE r.id = $3 AND ${requestScopeSql(actor, '$1', '$2')} ${read.lock ? 'FOR UPDATE OF r' : ''}`,
      actor.userId,
      actor.clientIds,
      requestId,
    )
    if (!request) throw new AppError('NOT_FOUND', 'errors.notFound')
    return finishChange(tx, actor, request, await change(tx, request))
  })
}

async function finishChange<T>(tx: RawDb, actor: Actor, request: Located, outcome: RequestChange<T>) {
  if ('replayed' in outcome) return outcome.replayed
  const audit = { entity: 'ServiceRequest', entityId: request.id, ...outcome.audit }
  await recordAuditEntry(tx, actor.userId, request.clientId, audit)
  const event = outcome.event ?? { type: 'request.updated' }
  await publish(tx, { ...event, requestId: request.id, clientId: request.clientId } as DomainEvent)
  return outcome.result
}

// Optimistic version: a change made on a stale screen is refused, not silently applied.
export async function updateAtVersion(
  tx: Tx,
  id: string,
  version: number,
  data: Prisma.ServiceRequestUncheckedUpdateManyInput,
) {
  const updated = await tx.serviceRequest.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  })
  if (updated.count === 0) throw new AppError('CONFLICT', 'errors.staleVersion')
}

export function isUniqueViolation(e: unknown) {
  if (typeof e !== 'object' || e === null || !('code' in e)) return false
  // A model query reports P2002; a raw one P2010 with PostgreSQL's own code underneath.
  const { code, meta } = e as { code: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } }
  return code === 'P2002' || (code === 'P2010' && meta?.driverAdapterError?.cause?.originalCode === '23505')
}
