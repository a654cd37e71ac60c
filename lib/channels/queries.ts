import 'server-only'
import { db } from '../db'
import type { Actor } from '../auth/roles'
import { assertCan, can } from '../auth/policy'
import { clientScope } from '../auth/scope'

export type UnboundContactDTO = {
  id: string
  channel: 'WECOM'
  // The provider's id, shortened: enough to tell two strangers apart, nothing more.
  label: string
  lastSeenAt: string
  held: number
  latest: { kind: string; text: string | null; sentAt: string } | null
}

// The supervisor queue: people writing through a channel whom no client is bound to yet.
export async function unboundContacts(actor: Actor, take = 100): Promise<UnboundContactDTO[]> {
  assertCan(actor, 'request.serve')
  const rows = await db.channelContact.findMany({
    where: { clientId: null },
    orderBy: { lastSeenAt: 'desc' },
    take,
    select: {
      id: true,
      channel: true,
      externalId: true,
      lastSeenAt: true,
      inbound: { orderBy: { sentAt: 'desc' }, take: 1, select: { kind: true, text: true, sentAt: true } },
      _count: { select: { inbound: { where: { status: 'HELD' } } } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    label: `…${r.externalId.slice(-6)}`,
    lastSeenAt: r.lastSeenAt.toISOString(),
    held: r._count.inbound,
    latest: r.inbound[0]
      ? { kind: r.inbound[0].kind, text: r.inbound[0].text, sentAt: r.inbound[0].sentAt.toISOString() }
      : null,
  }))
}

export type ChannelLinkDTO = { channel: 'WECOM'; boundAt: string | null; byStaff: boolean }

// Which channels a client is reachable on, for the client 360 page (staff who serve them).
export async function clientChannels(actor: Actor, clientId: string): Promise<ChannelLinkDTO[] | null> {
  if (!can(actor, 'request.serve')) return null
  const client = await db.client.findFirst({ where: { id: clientId, ...clientScope(actor) }, select: { id: true } })
  if (!client) return null
  return linksOf(client.id)
}

// The client's own view, for the portal profile.
export async function ownChannels(actor: Actor): Promise<ChannelLinkDTO[] | null> {
  if (!can(actor, 'profile.manage') || !actor.clientIds[0]) return null
  return linksOf(actor.clientIds[0])
}

async function linksOf(clientId: string): Promise<ChannelLinkDTO[]> {
  const rows = await db.channelContact.findMany({
    where: { clientId },
    select: { channel: true, boundAt: true, boundById: true },
  })
  return rows.map((r) => ({
    channel: r.channel,
    boundAt: r.boundAt?.toISOString() ?? null,
    byStaff: r.boundById !== null,
  }))
}

export type BindableClientDTO = { id: string; name: string }

// Clients a supervisor may bind a contact to: those with no contact on that channel yet.
export async function bindableClients(actor: Actor): Promise<BindableClientDTO[]> {
  assertCan(actor, 'request.serve')
  const rows = await db.client.findMany({
    where: { ...clientScope(actor), channelContacts: { none: {} } },
    orderBy: { displayName: 'asc' },
    take: 500,
    select: { id: true, displayName: true },
  })
  return rows.map((r) => ({ id: r.id, name: r.displayName }))
}
