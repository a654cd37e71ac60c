// The part of a language's catalogue that runs in the browser: what components there translate
// (tests/unit/client-catalogue.test.ts finds every namespace they name and checks it is here).
// The rest (audit sentences, e-mails, KPI, roster and team labels) is used only on the server;
// the browser's provider holds only this part (components/i18n/client-messages.tsx).
const CLIENT_NAMESPACES = [
  'admin',
  'alternatives',
  'attachments',
  'boundary',
  'care',
  'categories',
  'client360',
  'common',
  'console',
  'fields',
  'forms',
  'handoffs',
  'live',
  'login',
  'portal',
  'presence',
  'privacy',
  'process',
  'profile',
  'push',
  'rating',
  'risk',
  'services',
  'sheet',
  'shortcuts',
  'sla',
  'staffPhoto',
  'statuses',
  'supervisor',
  'thread',
  'tiers',
  'transfer',
  'twoFactor',
  'vendors',
] as const

// Namespaces the browser uses only a few messages of.
const CLIENT_KEYS: Record<string, string[]> = {
  channels: ['delivery', 'connect'],
  errors: ['photoType', 'photoTooLarge'],
}

type Catalogue = Record<string, unknown>

export function clientCatalogue(messages: Catalogue): Catalogue {
  const picked: Catalogue = {}
  for (const ns of CLIENT_NAMESPACES) if (ns in messages) picked[ns] = messages[ns]
  for (const [ns, keys] of Object.entries(CLIENT_KEYS)) {
    const all = (messages[ns] ?? {}) as Catalogue
    picked[ns] = Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k]]))
  }
  return picked
}
