import { redirect } from 'next/navigation'
import { currentActor } from '@/lib/next/guards'
import { homePathFor } from '@/lib/auth/policy'

export default async function Home() {
  const actor = await currentActor()
  redirect(actor ? homePathFor(actor.role) : '/login')
}
