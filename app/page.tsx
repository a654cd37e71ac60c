import { redirect } from 'next/navigation'
import { currentActor } from '@/lib/auth/guards'
import { homePathFor } from '@/lib/auth/roles'

export default async function Home() {
  const actor = await currentActor()
  redirect(actor ? homePathFor(actor.role) : '/login')
}
