// Next.js decodes a server action's arguments (React's reply format) before any of our code
// runs, and answers 500 when a body does not decode. So the proxy refuses, with 400, a body
// that is not what React's client sends: the root must be a JSON array, and every string in it
// that starts with "$" must be a reference our actions can receive (escaped text, a FormData
// part, a date, a big integer, undefined or a special number).
const REFERENCE = /^\$(\$|K[0-9a-f]{1,8}$|D[0-9TZ:.+-]{4,40}$|n-?\d{1,40}$|undefined$|Infinity$|-Infinity$|NaN$|-0$)/

function referencesOk(v: unknown, depth = 0): boolean {
  if (depth > 32) return false
  if (typeof v === 'string') return !v.startsWith('$') || REFERENCE.test(v)
  if (Array.isArray(v)) return v.every((x) => referencesOk(x, depth + 1))
  if (v && typeof v === 'object') return Object.values(v).every((x) => referencesOk(x, depth + 1))
  return true
}

function rootOk(text: string) {
  try {
    const root: unknown = JSON.parse(text)
    return Array.isArray(root) && referencesOk(root)
  } catch {
    return false
  }
}

// Does this request body decode as a server action's arguments?
export async function actionBodyOk(request: Request) {
  const type = request.headers.get('content-type') ?? ''
  if (type.startsWith('multipart/form-data')) {
    let form: FormData
    try {
      form = await request.formData()
    } catch {
      return false
    }
    const root = form.get('0')
    if (typeof root !== 'string' || !rootOk(root)) return false
    // Other parts are FormData entries ("_<id>_<name>") or further JSON rows ("<id>").
    for (const [key, value] of form.entries()) {
      if (/^\d+$/.test(key) && (typeof value !== 'string' || !rowOk(value))) return false
      if (!/^(\d+|_\d+_.*)$/s.test(key)) return false
    }
    return true
  }
  return rootOk(await request.text())
}

function rowOk(text: string) {
  try {
    return referencesOk(JSON.parse(text))
  } catch {
    return false
  }
}
