'use client'

import { ErrorNotice } from '@/components/layout/error-notice'

export default function ErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} />
}
