import 'server-only'
import { db } from '../db'
import { assertCan } from '../auth/policy'
import type { Actor } from '../auth/roles'
import { recordAudit } from '../audit/record'
import type { TTeamContact } from './schemas'

export type TeamContactView = { phone: string | null; wecomUrl: string | null }

// How clients reach the team besides the app: shown on the portal's butler card and on the
// offline page, which anyone may open (the number is the team's public line).
export async function teamContact(): Promise<TeamContactView> {
  const row = await db.teamContact.findUnique({ where: { id: 'team' }, select: { phone: true, wecomUrl: true } })
  return { phone: row?.phone ?? null, wecomUrl: row?.wecomUrl ?? null }
}

export async function saveTeamContact(actor: Actor, input: TTeamContact) {
  assertCan(actor, 'system.configure')
  return db.$transaction(async (tx) => {
    await tx.teamContact.upsert({ where: { id: 'team' }, create: { id: 'team', ...input }, update: input })
    await recordAudit(tx, actor.userId, 'team_contact.saved', 'TeamContact', undefined, { data: input })
    return input
  })
}
