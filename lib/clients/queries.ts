import { db } from '../db'
import type { Actor } from '../auth/roles'
import { clientScope } from '../auth/scope'

export type ButlerCardDTO = { name: string; onDuty: boolean }
export type PortalClientDTO = {
  id: string
  displayName: string
  timeZone: string
  butler: ButlerCardDTO | null
  backup: ButlerCardDTO | null
}

// The clients this portal user acts for, with who serves them.
export async function portalClients(actor: Actor): Promise<PortalClientDTO[]> {
  const rows = await db.client.findMany({
    where: clientScope(actor),
    orderBy: { displayName: 'asc' },
    select: {
      id: true, displayName: true, timeZone: true,
      dedicatedButler: { select: { name: true, onDuty: true } },
      backupButler: { select: { name: true, onDuty: true } },
    },
  })
  return rows.map((r) => ({
    id: r.id, displayName: r.displayName, timeZone: r.timeZone,
    butler: r.dedicatedButler, backup: r.backupButler,
  }))
}
