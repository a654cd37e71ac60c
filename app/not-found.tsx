import { NotFoundNotice } from '@/components/layout/not-found-notice'

// Any address no route matches, outside every audience's shell.
export default function NotFound() {
  return (
    <main className="px-5 py-16">
      <NotFoundNotice />
    </main>
  )
}
