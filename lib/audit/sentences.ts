// How one audit entry reads on the log: a sentence key of the "audit.events" namespace with
// its values ("林静 查看了 王先生 的客户档案"), what the sentence links to, and the few details
// worth showing, all without record names, ids or JSON. Pure: the page translates.

export type AuditRow = {
  action: string
  actorId: string | null
  actorName: string
  clientId: string | null
  clientName: string
  subjectName: string | null
  requestId: string | null
  requestNumber: number | null
  requestTitle: string | null
  details: Record<string, unknown>
}

// The groups the filter offers, each an action prefix; the label is audit.families.<name>.
export const AUDIT_FAMILIES = [
  'auth',
  'request',
  'client',
  'profile',
  'attachment',
  'export',
  'staff',
  'sla',
  'vendor',
  'risk',
  'privacy',
] as const

// Every action the services record (lib/**/service.ts and friends), by sentence key.
const KNOWN = new Set([
  'auth.sign_in',
  'auth.password_changed',
  'auth.recovery_code_used',
  'auth.recovery_codes_renewed',
  'auth.second_factor_enabled',
  'auth.second_factor_reset',
  'attachment.uploaded',
  'attachment.downloaded',
  'care.outreach_recorded',
  'care.request_created',
  'category.labels_updated',
  'channel.binding_code_created',
  'channel.contact_bound',
  'channel.settings_changed',
  'checklist.step_done',
  'checklist.step_undone',
  'checklist_step.created',
  'checklist_step.updated',
  'canned_reply.created',
  'canned_reply.updated',
  'client.butler_reassigned',
  'client.butlers_assigned',
  'client.note_added',
  'client.note_pinned',
  'client.note_unpinned',
  'client.pii_revealed',
  'client.viewed',
  'delegate.invited',
  'delegate.revoked',
  'delegate.accepted',
  'export.audit',
  'export.kpi',
  'export.requests',
  'handoff.created',
  'handoff.closed',
  'privacy.client_erased',
  'privacy.exported',
  'push.subscribed',
  'push.removed',
  'qa.scored',
  'request.created',
  'request.viewed',
  'request.offered',
  'request.taken',
  'request.transferred',
  'request.status_changed',
  'request.client_message',
  'request.alternative_offered',
  'request.rated',
  'request.alternative_accepted',
  'request.alternative_declined',
  'request.note_added',
  'request.replied',
  'risk.flagged',
  'risk.approved',
  'risk.declined',
  'risk.rule_created',
  'risk.rule_updated',
  'roster.shift_added',
  'roster.shift_removed',
  'sla.at_risk',
  'sla.breached',
  'sla_policy.created',
  'sla_policy.updated',
  'sla_policy.deactivated',
  'staff.authority_limit_set',
  'staff.bulk_reassigned',
  'staff.invitation_accepted',
  'staff.invited',
  'staff.role_changed',
  'staff.disabled',
  'staff.enabled',
  'staff.on_duty',
  'staff.off_duty',
  'staff.photo_set',
  'staff.photo_removed',
  'team_contact.saved',
  'vendor.created',
  'vendor.updated',
  'vendor_task.created',
  'vendor_task.approval_requested',
  'vendor_task.approved',
  'vendor_task.rejected',
  'vendor_task.confirmed',
])

export function auditSentenceKey(action: string) {
  // Profile edits are recorded per kind of entry ("profile.keyDate_deleted"): one sentence.
  if (action.startsWith('profile.')) return 'events.profile.changed'
  return KNOWN.has(action) ? `events.${action}` : 'events.other'
}

// A detail the log shows, by the label key (audit.fields.*) and how its value reads.
export type AuditDetail = { field: string; value: string | number; as: 'text' | 'status' | 'role' | 'scope' | 'money' }

const TEXT_FIELDS = ['deviceName', 'fileName', 'team', 'channel', 'rows', 'requests', 'files', 'attachments', 'left']

export function auditDetails(row: AuditRow): AuditDetail[] {
  const d = row.details
  const out: AuditDetail[] = []
  const isText = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number'
  if (row.action === 'request.status_changed') {
    if (isText(d.from)) out.push({ field: 'from', value: d.from, as: 'status' })
    if (isText(d.to)) out.push({ field: 'to', value: d.to, as: 'status' })
  }
  if (isText(d.role)) out.push({ field: 'role', value: d.role, as: 'role' })
  if (isText(d.scope)) out.push({ field: 'scope', value: d.scope, as: 'scope' })
  if (typeof d.cost === 'number' && typeof d.currency === 'string')
    out.push({ field: 'cost', value: `${d.currency} ${d.cost}`, as: 'money' })
  if (typeof d.limit === 'number') out.push({ field: 'limit', value: d.limit, as: 'money' })
  for (const f of TEXT_FIELDS) if (isText(d[f])) out.push({ field: f, value: d[f] as string | number, as: 'text' })
  return out
}

// The values every sentence may use; a missing one reads as a neutral phrase, never an id.
export function auditValues(
  row: AuditRow,
  words: { system: string; someone: string; aClient: string; aRequest: string },
) {
  const d = row.details
  return {
    actor: row.actorId ? (row.actorName === row.actorId ? words.someone : row.actorName) : words.system,
    client: row.clientName && row.clientName !== row.clientId ? row.clientName : words.aClient,
    subject: row.subjectName ?? words.someone,
    request: row.requestNumber !== null ? `#${row.requestNumber} ${row.requestTitle ?? ''}`.trim() : words.aRequest,
    field: typeof d.field === 'string' ? d.field : 'other',
    count: typeof d.clients === 'number' ? d.clients : 0,
    status: typeof d.to === 'string' ? d.to : '',
    // A change a person made to their own account ("updated their photo").
    own: d.own === true ? 'yes' : 'no',
  }
}
