import 'server-only'
import type { Actor } from '../auth/roles'
import { portalClients } from '../clients/queries'

/** The clients a delegate acts for (by name); nobody for the client herself. */
export async function actingForNames(actor: Actor): Promise<string[]> {
  if (actor.role !== 'DELEGATE') return []
  return (await portalClients(actor)).map((c) => c.displayName)
}
