import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { signingKey, signPayload } from './signing.js'

export interface CheckpointStatement {
  version: 1
  created_at: string
  /** [chain, size (last sequence number), head hash], sorted by chain. */
  chains: [string, number, string][]
}

export interface PublishedCheckpoint {
  id: number
  payload: string
  digest: string
  signature: string
  key_id: string
  public_key: string
  dev_key: boolean
}

/**
 * Signs a statement of every chain's size and head hash (Ed25519) and stores it, then publishes it outside the
 * database as a file on the drive disk (`audit/checkpoints/<time>-<id>.json`): whoever keeps a copy can later
 * prove a row was altered, deleted or cut off. Heads are read in one pass over audit_chain_heads (~700 rows).
 */
export async function createCheckpoint(): Promise<PublishedCheckpoint & { path: string }> {
  const key = signingKey()
  const heads = await db
    .from('audit_chain_heads')
    .select('chain', 'seq', 'head_hash')
    .orderBy('chain')
  const now = DateTime.utc()
  const statement: CheckpointStatement = {
    version: 1,
    created_at: now.toISO({ suppressMilliseconds: true })!,
    chains: heads
      .filter((h) => Number(h.seq) > 0)
      .map((h) => [String(h.chain), Number(h.seq), String(h.head_hash)]),
  }
  const payload = JSON.stringify(statement)
  const digest = createHash('sha256').update(payload).digest('hex')
  const signature = signPayload(payload, key)
  const [inserted] = await db
    .insertQuery()
    .table('audit_checkpoints')
    .insert({
      created_at: now.toFormat('yyyy-MM-dd HH:mm:ss'),
      chain_count: statement.chains.length,
      row_count: statement.chains.reduce((sum, [, seq]) => sum + seq, 0),
      payload,
      digest,
      signature,
      key_id: key.keyId,
      public_key: key.publicKeyPem,
      dev_key: key.dev,
    })
  const id = Number(inserted)
  const published: PublishedCheckpoint = {
    id,
    payload,
    digest,
    signature,
    key_id: key.keyId,
    public_key: key.publicKeyPem,
    dev_key: key.dev,
  }
  const path = `audit/checkpoints/${now.toFormat('yyyyLLdd-HHmmss')}-${id}.json`
  await drive.use().put(path, JSON.stringify(published, null, 2))
  await db.from('audit_checkpoints').where('id', id).update({ published_path: path })
  return { ...published, path }
}

export async function latestCheckpoint(): Promise<
  (PublishedCheckpoint & { created_at: unknown; published_path: string | null }) | null
> {
  const row = await db.from('audit_checkpoints').orderBy('id', 'desc').first()
  if (!row) return null
  return { ...row, dev_key: Boolean(row.dev_key) }
}
