import type { Role } from '../generated/prisma/enums'

export type Actor = {
  userId: string
  sessionId: string
  role: Role
  name: string
  locale: 'zh_CN' | 'en'
  timeZone: string
  // Staff availability; drives who may take requests offered to anyone on duty.
  onDuty: boolean
  // The clients this actor may act for: their own profile, or the clients who delegated to them.
  clientIds: string[]
  secondFactorOn: boolean
  // The current key of their staff photo, if any (the header shows their face by their name).
  photoKey: string | null
  // A supervisor or admin without an authenticator may only set one up (see two-factor.ts).
  mustEnrollSecondFactor: boolean
}
