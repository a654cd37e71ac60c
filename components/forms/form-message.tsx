// A refusal shown where the user looks: under its field, or by the submit button. Announced
// to screen readers as it appears. Inline (beside a button in a row) it is a span.
export function FormMessage({
  message,
  id,
  className = '',
  inline = false,
}: {
  message?: string | null
  id?: string
  className?: string
  inline?: boolean
}) {
  if (!message) return null
  const Tag = inline ? 'span' : 'p'
  return (
    <Tag id={id} role="alert" className={`${inline ? '' : 'mt-1 '}text-xs text-bad ${className}`}>
      {message}
    </Tag>
  )
}
