'use client'

import { ErrorNotice } from '@/components/layout/error-notice'

// Catches what the audience boundaries cannot: a failure in a group's own layout (its shell).
export default function ErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="px-5 py-16">
      <ErrorNotice error={error} retry={retry} />
    </main>
  )
}
