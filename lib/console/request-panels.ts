import 'server-only'
import type { Actor } from '../auth/roles'
import type { ReadTogether } from '../db/raw'
import { getRequestDetailWith } from '../requests/queries'
import { requestNotesSql, toNoteView } from '../clients/queries'
import { ACTIVE_VENDORS_SQL, toVendorTask, vendorTasksSql, type VendorChoice } from '../vendors/queries'
import { checklistSql, REQUEST_CANNED_REPLIES_SQL, toChecklistStep, type CannedReply } from '../process/queries'
import { requestHandoffsSql, toHandoff } from '../handoffs/queries'
import { COLLEAGUES_SQL, type Colleague } from '../staff/queries'
import { attachmentsSql, toAttachment } from '../attachments/service'
import { openReviewSql } from '../risk/service'
import type { RiskReason } from '../risk/rules'

// The console's request page in one statement: the request with its thread and clocks (which
// records the staff read), and everything shown beside the conversation: the client's newest
// notes, vendor tasks and the vendors to book, the checklist, canned replies in the client's
// language, hand-offs, colleagues, files and an open risk review. Each panel is the statement
// its own reader runs (same scope, same order), read alongside the request to save ten round
// trips on the busiest staff page. Null when the request is not the viewer's.
export async function requestWorkspace(actor: Actor, requestId: string) {
  const read = await getRequestDetailWith(actor, requestId, panelParts(actor))
  return read && { request: read.detail, panels: toPanels(actor, read.alongside) }
}

const panelParts = (actor: Actor) => ({
  notes: requestNotesSql(actor),
  tasks: vendorTasksSql(actor),
  vendors: ACTIVE_VENDORS_SQL,
  steps: checklistSql(actor),
  canned: REQUEST_CANNED_REPLIES_SQL,
  handoffs: requestHandoffsSql(actor),
  colleagues: COLLEAGUES_SQL,
  files: attachmentsSql(actor),
  review: openReviewSql(actor),
})

function toPanels(actor: Actor, parts: ReadTogether<keyof ReturnType<typeof panelParts>>) {
  const as = <T>(rows: unknown[]) => rows as T[]
  return {
    notes: as<Parameters<typeof toNoteView>[0]>(parts.notes).map(toNoteView),
    tasks: as<Parameters<ReturnType<typeof toVendorTask>>[0]>(parts.tasks).map(toVendorTask(actor)),
    vendors: as<VendorChoice>(parts.vendors),
    steps: as<Parameters<typeof toChecklistStep>[0]>(parts.steps).map(toChecklistStep),
    canned: as<CannedReply>(parts.canned),
    handoffs: as<Parameters<typeof toHandoff>[0]>(parts.handoffs).map(toHandoff),
    colleagues: as<Colleague>(parts.colleagues),
    files: as<Parameters<typeof toAttachment>[0]>(parts.files).map(toAttachment),
    review: as<{ reasons: RiskReason[] }>(parts.review)[0]?.reasons ?? null,
  }
}
