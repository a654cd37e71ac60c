// The link whose path is the longest prefix of the current one, by whole segments, so that
// '/supervisor/kpi/requests' belongs to '/supervisor/kpi' and not to the board at '/supervisor'.
export function activeHref(pathname: string, hrefs: readonly string[]): string | undefined {
  let best: string | undefined
  for (const href of hrefs) {
    const inside = pathname === href || pathname.startsWith(`${href}/`)
    if (inside && (best === undefined || href.length > best.length)) best = href
  }
  return best
}
