import 'server-only'
import { zipSync, type Zippable } from 'fflate'

// The export as one ZIP: JSON compressed, photos and PDFs (already compressed) stored.
export function zipFiles(files: Record<string, Uint8Array>) {
  const entries: Zippable = {}
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { level: name.endsWith('.json') ? 6 : 0 }]
  return zipSync(entries)
}
