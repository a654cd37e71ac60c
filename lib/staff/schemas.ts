import { z } from 'zod'
import { STAFF_ROLES } from '../auth/policy'
import { formNumber } from '../form-number'

const id = z.string().min(1).max(40)
const text = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { message: 'errors.required' })
    .max(max, { message: 'errors.tooLong' })
const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), id.nullable())
export const STAFF_ROLE_VALUES = STAFF_ROLES

export const ZAuthorityLimit = z.object({
  butlerId: id,
  limit: formNumber(
    z.number({ message: 'errors.cost' }).min(0, { message: 'errors.cost' }).max(10_000_000, { message: 'errors.cost' }),
  ),
})
export const ZAssignClient = z
  .object({ clientId: id, dedicatedButlerId: optionalId, backupButlerId: optionalId })
  .refine((v) => !v.dedicatedButlerId || v.dedicatedButlerId !== v.backupButlerId, {
    path: ['backupButlerId'],
    message: 'errors.backupSame',
  })
export const ZBulkReassign = z
  .object({
    fromButlerId: z.string({ error: 'errors.chooseButler' }).min(1, { message: 'errors.chooseButler' }).max(40),
    toButlerId: z.string({ error: 'errors.chooseButler' }).min(1, { message: 'errors.chooseButler' }).max(40),
    scope: z.enum(['dedicated', 'backup', 'both']),
  })
  .refine((v) => v.fromButlerId !== v.toButlerId, { path: ['toButlerId'], message: 'errors.sameButler' })
export const ZInviteStaff = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'errors.email' }).max(254),
  name: text(100),
  role: z.enum(STAFF_ROLE_VALUES),
})
export const ZChangeRole = z.object({ userId: id, role: z.enum(STAFF_ROLE_VALUES) })
export const ZSetDisabled = z.object({
  userId: id,
  disabled: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
})
export const ZAcceptStaffInvite = z.object({
  token: z.string().min(20).max(100),
  password: z
    .string({ error: 'errors.required' })
    .min(12, { message: 'errors.passwordStaff' })
    .max(200, { message: 'errors.tooLong' }),
})
export type TAuthorityLimit = z.infer<typeof ZAuthorityLimit>
export type TAssignClient = z.infer<typeof ZAssignClient>
export type TBulkReassign = z.infer<typeof ZBulkReassign>
export type TInviteStaff = z.infer<typeof ZInviteStaff>
export type TChangeRole = z.infer<typeof ZChangeRole>
export type TSetDisabled = z.infer<typeof ZSetDisabled>
export type TAcceptStaffInvite = z.infer<typeof ZAcceptStaffInvite>
