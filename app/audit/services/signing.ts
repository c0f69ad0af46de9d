import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'

export interface SigningKey {
  privateKey: KeyObject
  publicKeyPem: string
  keyId: string
  dev: boolean
}

/** A PEM given in one line of .env (`\n` escaped) or base64 of the PEM/DER. */
function readKeyText(raw: string): string | Buffer {
  const text = raw.replace(/\\n/g, '\n').trim()
  if (text.startsWith('-----BEGIN')) return text
  return Buffer.from(text, 'base64')
}

export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(der).digest('hex').slice(0, 16)
}

function fromPrivate(privateKey: KeyObject, dev: boolean): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 key')
  const publicKeyPem = createPublicKey(privateKey)
    .export({ type: 'spki', format: 'pem' })
    .toString()
  return { privateKey, publicKeyPem, keyId: keyIdOf(publicKeyPem), dev }
}

let cached: SigningKey | null = null

/**
 * The checkpoint signing key: AUDIT_SIGNING_KEY (Ed25519, PKCS#8 PEM or base64 DER). Without it, production
 * refuses to sign; the practice instance generates a development key once (tmp/audit-dev-signing-key.pem) and
 * says loudly that its checkpoints prove nothing to an outsider.
 */
export function signingKey(): SigningKey {
  if (cached) return cached
  const raw = env.get('AUDIT_SIGNING_KEY')
  if (raw) {
    const text = readKeyText(raw)
    const key =
      typeof text === 'string'
        ? createPrivateKey(text)
        : createPrivateKey({ key: text, format: 'der', type: 'pkcs8' })
    cached = fromPrivate(key, false)
    return cached
  }
  if (app.inProduction) {
    throw new Error(
      'AUDIT_SIGNING_KEY is not set: audit checkpoints are not signed in production without a key (see docs/operator.md)'
    )
  }
  const path = app.makePath('tmp', 'audit-dev-signing-key.pem')
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ed25519')
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
  }
  logger.warn(
    'AUDIT: checkpoints are signed with a generated DEVELOPMENT key (%s). Set AUDIT_SIGNING_KEY for real use.',
    path
  )
  cached = fromPrivate(createPrivateKey(readFileSync(path, 'utf8')), true)
  return cached
}

export function signPayload(payload: string, key: SigningKey = signingKey()): string {
  return sign(null, Buffer.from(payload, 'utf8'), key.privateKey).toString('base64')
}

export function verifyPayload(payload: string, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(payload, 'utf8'),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64')
    )
  } catch {
    return false
  }
}

/** The operator may pin the public key (AUDIT_PUBLIC_KEY): a checkpoint signed by another key is then refused. */
export function pinnedKeyId(): string | null {
  const raw = env.get('AUDIT_PUBLIC_KEY')
  if (!raw) return null
  const text = readKeyText(raw)
  const pem =
    typeof text === 'string'
      ? text
      : createPublicKey({ key: text, format: 'der', type: 'spki' })
          .export({ type: 'spki', format: 'pem' })
          .toString()
  return keyIdOf(pem)
}
