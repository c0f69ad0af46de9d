/**
 * Standard Webhooks signatures (as Svix does them): `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, several signatures separated by spaces
 * while a secret is being rotated. Secrets look like `whsec_<base64 key>`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const TOLERANCE_SECONDS = 5 * 60

export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64')
}

export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestamp}.${body}`)
    .digest('base64')
  return `v1,${mac}`
}

/** The three headers for one message, signed with every currently valid secret. */
export function signHeaders(secrets: string[], id: string, timestamp: number, body: string) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signature(s, id, timestamp, body)).join(' '),
  }
}

export type VerifyFailure = 'missing_headers' | 'stale_timestamp' | 'bad_signature'

/** Verifies headers against any of `secrets`; returns null when valid, else the reason. */
export function verifySignature(
  secrets: string[],
  headers: { id?: string; timestamp?: string; signature?: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000)
): VerifyFailure | null {
  const { id, timestamp, signature: sig } = headers
  if (!id || !timestamp || !sig) return 'missing_headers'
  const ts = Number(timestamp)
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > TOLERANCE_SECONDS)
    return 'stale_timestamp'
  const given = sig
    .split(' ')
    .filter((p) => p.startsWith('v1,'))
    .map((p) => Buffer.from(p.slice(3), 'base64'))
  for (const secret of secrets) {
    const expected = Buffer.from(signature(secret, id, ts, body).slice(3), 'base64')
    if (given.some((g) => g.length === expected.length && timingSafeEqual(g, expected))) return null
  }
  return 'bad_signature'
}
