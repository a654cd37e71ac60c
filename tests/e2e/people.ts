export const E2E_PASSWORD = 'e2e-password-2026'
export const people = {
  butlerA: 'lin@e2e.test',
  butlerB: 'zhou@e2e.test',
  supervisor: 'chen@e2e.test',
  clientA: 'wang@e2e.test',
  clientB: 'sophia@e2e.test',
  delegateA: 'mrs.wang@e2e.test',
}
