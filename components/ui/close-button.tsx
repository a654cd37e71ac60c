// The "×" that dismisses a sheet or a toast; named for screen readers by its caller.
export function CloseButton({ onClick, label, className }: { onClick: () => void; label: string; className: string }) {
  return (
    <button type="button" onClick={onClick} className={className} aria-label={label}>
      ×
    </button>
  )
}
