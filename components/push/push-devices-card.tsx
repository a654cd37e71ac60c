import type { Actor } from '@/lib/auth/roles'
import { listPushDevices, pushPublicKey } from '@/lib/push/subscriptions'
import { PushDevices } from './push-devices'

// The push card for a settings page (staff devices page, client profile): one line to place it.
export async function PushDevicesCard({ actor }: { actor: Actor }) {
  const [publicKey, devices] = await Promise.all([pushPublicKey(actor), listPushDevices(actor)])
  return (
    <PushDevices
      publicKey={publicKey}
      devices={devices.map((d) => ({
        id: d.id,
        endpoint: d.endpoint,
        deviceName: d.deviceName,
        failing: d.failingSince !== null,
      }))}
    />
  )
}
