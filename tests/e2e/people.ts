export const E2E_PASSWORD = 'e2e-password-2026'
export const people = {
  butlerA: 'lin@e2e.test',
  butlerB: 'zhou@e2e.test',
  supervisor: 'chen@e2e.test',
  // A supervisor who has not set up an authenticator yet.
  newSupervisor: 'gao@e2e.test',
  admin: 'admin@e2e.test',
  clientA: 'wang@e2e.test',
  clientB: 'sophia@e2e.test',
  delegateA: 'mrs.wang@e2e.test',
}

// Authenticator secrets (base32) of the staff who have one; the sign-in helper types codes.
export const TOTP_SECRETS: Record<string, string> = {
  [people.supervisor]: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  [people.admin]: 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA',
}
