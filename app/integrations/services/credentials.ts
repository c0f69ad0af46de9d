/**
 * API tokens and signing secrets of integrator clients. A token is shown once (`thc_<random>`) and stored as
 * its SHA-256; a signing secret must stay readable to sign. Rotation marks the old credential `rotated` with
 * `valid_until` = now + grace: until then both are valid (tokens authenticate, secrets both sign).
 */
import { createHash, randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { newSecret } from './signing.js'
import { stamp } from './time.js'

export const TOKEN_PREFIX = 'thc_'

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`
}

/** SQL condition: the credential is usable at `now` (active and unexpired, or rotated within its grace). */
export function whereValid(query: any, now: string, alias = '') {
  const col = (name: string) => (alias ? `${alias}.${name}` : name)
  return query.where((q: any) =>
    q
      .where((a: any) =>
        a
          .where(col('status'), 'active')
          .where((e: any) => e.whereNull(col('expires_at')).orWhere(col('expires_at'), '>', now))
      )
      .orWhere((r: any) => r.where(col('status'), 'rotated').where(col('valid_until'), '>', now))
  )
}

/** Creates a credential of `kind`; returns the clear value (shown once for tokens). */
export async function insertCredential(
  trx: QueryClientContract,
  clientId: number,
  kind: 'token' | 'secret',
  expiresAt: string | null
): Promise<{ id: number; value: string }> {
  const value = kind === 'token' ? newToken() : newSecret()
  const [id] = await trx
    .insertQuery()
    .table('integration_credentials')
    .insert({
      client_id: clientId,
      kind,
      token_hash: kind === 'token' ? hashToken(value) : null,
      secret: kind === 'secret' ? value : null,
      hint: value.slice(-4),
      status: 'active',
      expires_at: expiresAt,
      created_at: stamp(),
    })
  return { id: Number(id), value }
}

/** Every signing secret valid now for the client (the new one first during a rotation). */
export async function signingSecrets(
  clientId: number,
  client: QueryClientContract = db.connection()
): Promise<string[]> {
  const rows = await whereValid(
    client.from('integration_credentials').where('client_id', clientId).where('kind', 'secret'),
    stamp()
  )
    .orderBy('id', 'desc')
    .select('secret')
  return rows.map((r: any) => r.secret as string)
}
