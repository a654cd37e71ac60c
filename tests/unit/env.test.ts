import { describe, expect, it } from 'vitest'
import { parseEnv } from '../../lib/env'

const base = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/app' }

describe('environment', () => {
  it('compresses in the process unless told the proxy does', () => {
    expect(parseEnv(base).HTTP_COMPRESSION).toBe('app')
    expect(parseEnv({ ...base, HTTP_COMPRESSION: 'proxy' }).HTTP_COMPRESSION).toBe('proxy')
  })

  it('refuses a compression setting it does not know, by name', () => {
    expect(() => parseEnv({ ...base, HTTP_COMPRESSION: 'gzip' })).toThrow(
      'HTTP_COMPRESSION: HTTP_COMPRESSION must be app or proxy',
    )
  })

  it('names every bad setting at once', () => {
    expect(() => parseEnv({ DATABASE_URL: 'nope', TRUSTED_PROXY_HOPS: '9' })).toThrow(
      /DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL; TRUSTED_PROXY_HOPS: TRUSTED_PROXY_HOPS must be a whole number from 0 to 5/,
    )
  })
})
