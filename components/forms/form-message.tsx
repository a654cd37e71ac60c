// A refusal shown where the user looks: under its field, or by the submit button. Announced
// to screen readers as it appears.
export function FormMessage({
  message,
  id,
  className = '',
}: {
  message?: string | null
  id?: string
  className?: string
}) {
  if (!message) return null
  return (
    <p id={id} role="alert" className={`mt-1 text-xs text-bad ${className}`}>
      {message}
    </p>
  )
}
