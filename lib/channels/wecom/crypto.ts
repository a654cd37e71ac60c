import 'server-only'
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto'

// WeCom's callback crypto, as documented for 企业微信 callbacks (the algorithm the
// `@wecom/crypto` package implements): AES-256-CBC, key = base64(EncodingAESKey + '='),
// iv = the key's first 16 bytes, PKCS#7 padding to 32-byte blocks, and a plaintext of
// 16 random bytes + 4-byte big-endian length + message + receiveid (the corp id).

const BLOCK = 32

function aesKeyFrom(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) throw new Error('EncodingAESKey must be 43 base64 characters')
  return Buffer.from(`${encodingAesKey}=`, 'base64')
}

// sha1 over the four values sorted as strings and joined, hex.
export function getSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex')
}

export function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8')
  const b = Buffer.from(given, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

function pad(data: Buffer): Buffer {
  const n = BLOCK - (data.length % BLOCK)
  return Buffer.concat([data, Buffer.alloc(n, n)])
}

function unpad(data: Buffer): Buffer {
  const n = data[data.length - 1]
  if (!n || n > BLOCK || n > data.length) throw new Error('bad padding')
  return data.subarray(0, data.length - n)
}

export function encrypt(encodingAesKey: string, message: string, receiveId: string): string {
  const key = aesKeyFrom(encodingAesKey)
  const body = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length, 0)
  const plain = pad(Buffer.concat([randomBytes(16), length, body, Buffer.from(receiveId, 'utf8')]))
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16))
  cipher.setAutoPadding(false)
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64')
}

// Throws on anything that is not a well-formed ciphertext under this key.
export function decrypt(encodingAesKey: string, encrypted: string): { message: string; id: string } {
  const key = aesKeyFrom(encodingAesKey)
  const data = Buffer.from(encrypted, 'base64')
  if (data.length === 0 || data.length % 16 !== 0) throw new Error('bad ciphertext length')
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16))
  decipher.setAutoPadding(false)
  const plain = unpad(Buffer.concat([decipher.update(data), decipher.final()]))
  if (plain.length < 20) throw new Error('plaintext too short')
  const length = plain.readUInt32BE(16)
  if (20 + length > plain.length) throw new Error('bad message length')
  return {
    message: plain.subarray(20, 20 + length).toString('utf8'),
    id: plain.subarray(20 + length).toString('utf8'),
  }
}
