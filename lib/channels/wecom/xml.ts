// WeCom callbacks are flat XML documents of a few fields. They are read field by field with
// no XML parser at all, so entity declarations and external references have nothing to act
// on; a document that declares any, or repeats a field, is refused.
export function xmlField(xml: string, name: string): string | null {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) return null
  const re = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`, 'g')
  const found = [...xml.matchAll(re)]
  if (found.length !== 1) return null
  return found[0][1] ?? found[0][2] ?? null
}
