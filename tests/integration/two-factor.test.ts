import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { checkSignIn, createSession, loadActor } from '../../lib/auth/sessions'
import { totpCode } from '../../lib/auth/totp'
import {
  beginEnrollment,
  confirmEnrollment,
  regenerateRecoveryCodes,
  resetSecondFactor,
  secondFactorStatus,
  verifySecondFactor,
} from '../../lib/auth/two-factor'
import { createStaff } from '../factories'
import { actorFor } from './helpers'

const PASSWORD = 'correct horse battery'
const atStep = (offset: number) => Date.now() + offset * 30_000

describe('second factor (TOTP and recovery codes)', () => {
  it('asks for a code only after the right password, accepts a code once, and never a wrong one', async () => {
    const sup = await createStaff(db, { role: 'SUPERVISOR', password: PASSWORD })
    expect(await checkSignIn(sup.email, 'wrong password', totpCode(sup.totpSecret!))).toBe('refused')
    expect(await checkSignIn(sup.email, PASSWORD)).toBe('code_required')
    expect(await checkSignIn(sup.email, PASSWORD, '000000')).toBe('code_wrong')
    const code = totpCode(sup.totpSecret!)
    expect(await checkSignIn(sup.email, PASSWORD, code)).toEqual({ userId: sup.id })
    // The same code again (seen over a shoulder, or sent twice) is refused.
    expect(await checkSignIn(sup.email, PASSWORD, code)).toBe('code_wrong')
    // A code from a phone running 30 s ahead is still taken; one from 90 s ago is not.
    expect(await checkSignIn(sup.email, PASSWORD, totpCode(sup.totpSecret!, atStep(1)))).toEqual({ userId: sup.id })
    expect(await checkSignIn(sup.email, PASSWORD, totpCode(sup.totpSecret!, atStep(-3)))).toBe('code_wrong')
  })

  it('lets a butler without an authenticator in on a password, and refuses disabled accounts whatever the code', async () => {
    const butler = await createStaff(db, { password: PASSWORD })
    expect(await checkSignIn(butler.email, PASSWORD)).toEqual({ userId: butler.id })
    const sup = await createStaff(db, { role: 'SUPERVISOR', password: PASSWORD })
    await db.user.update({ where: { id: sup.id }, data: { disabledAt: new Date() } })
    expect(await checkSignIn(sup.email, PASSWORD, totpCode(sup.totpSecret!))).toBe('refused')
  })

  it('holds a supervisor without an authenticator to setting one up, then gives ten single-use recovery codes', async () => {
    const sup = await createStaff(db, { role: 'SUPERVISOR', password: PASSWORD, totpSecret: null })
    expect(await checkSignIn(sup.email, PASSWORD)).toEqual({ userId: sup.id })
    const before = await actorFor(sup.id)
    expect(before.mustEnrollSecondFactor).toBe(true)

    const { secret, qrSvg } = await beginEnrollment(before)
    expect(qrSvg).toContain('<svg')
    // The secret is sealed at rest, never stored as typed into the app.
    const stored = await db.user.findUniqueOrThrow({
      where: { id: sup.id },
      select: { totpSecret: true, totpEnabledAt: true },
    })
    expect(stored.totpSecret).not.toContain(secret)
    expect(stored.totpEnabledAt).toBeNull()
    await expect(confirmEnrollment(before, '000000')).rejects.toMatchObject({ message: 'errors.codeWrong' })

    const { recoveryCodes } = await confirmEnrollment(before, totpCode(secret))
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    expect(await db.recoveryCode.count({ where: { userId: sup.id, codeHash: { in: recoveryCodes } } })).toBe(0)
    expect((await actorFor(sup.id)).mustEnrollSecondFactor).toBe(false)
    expect(await db.auditEvent.count({ where: { entityId: sup.id, action: 'auth.second_factor_enabled' } })).toBe(1)

    // A recovery code signs in once, typed in any case and with or without the dash.
    const [first] = recoveryCodes
    expect(await checkSignIn(sup.email, PASSWORD, first.toUpperCase().replace('-', ' '))).toEqual({ userId: sup.id })
    expect(await checkSignIn(sup.email, PASSWORD, first)).toBe('code_wrong')
    expect((await secondFactorStatus(sup.id)).recoveryCodesLeft).toBe(9)
    expect(await db.auditEvent.count({ where: { entityId: sup.id, action: 'auth.recovery_code_used' } })).toBe(1)

    // New codes need a fresh authenticator code and replace every old one.
    const actor = await actorFor(sup.id)
    await expect(regenerateRecoveryCodes(actor, '123456')).rejects.toMatchObject({ message: 'errors.codeWrong' })
    const renewed = await regenerateRecoveryCodes(actor, totpCode(secret, atStep(1)))
    expect(await verifySecondFactor(sup.id, recoveryCodes[1])).toBe(false)
    expect(await verifySecondFactor(sup.id, renewed.recoveryCodes[0])).toBe(true)
  })

  it('lets an admin reset another staff member: their sessions end and they must set up again', async () => {
    const admin = await createStaff(db, { role: 'ADMIN' })
    const sup = await createStaff(db, { role: 'SUPERVISOR', password: PASSWORD })
    const supSession = await createSession(sup.id)
    const adminActor = await actorFor(admin.id)
    await expect(resetSecondFactor(adminActor, admin.id)).rejects.toMatchObject({
      message: 'errors.secondFactorNotOwn',
    })
    await expect(resetSecondFactor(await actorFor(sup.id), admin.id)).rejects.toMatchObject({
      message: 'errors.forbidden',
    })

    await resetSecondFactor(adminActor, sup.id)
    expect(await loadActor(supSession)).toBeNull()
    expect(await checkSignIn(sup.email, PASSWORD)).toEqual({ userId: sup.id })
    expect((await actorFor(sup.id)).mustEnrollSecondFactor).toBe(true)
    expect(await db.recoveryCode.count({ where: { userId: sup.id } })).toBe(0)
    expect(
      await db.auditEvent.count({ where: { entityId: sup.id, action: 'auth.second_factor_reset', actorId: admin.id } }),
    ).toBe(1)
  })

  it('accepts exactly one of two simultaneous sign-ins with the same code', async () => {
    const sup = await createStaff(db, { role: 'SUPERVISOR', password: PASSWORD })
    const code = totpCode(sup.totpSecret!)
    const results = await Promise.all([
      verifySecondFactor(sup.id, code),
      verifySecondFactor(sup.id, code),
      verifySecondFactor(sup.id, code),
    ])
    expect(results.filter(Boolean)).toHaveLength(1)
  })
})
