import db from '@adonisjs/lucid/services/db'
import { GENESIS, rowHash } from './chain.js'
import { verifyPayload, keyIdOf, pinnedKeyId } from './signing.js'
import type { CheckpointStatement, PublishedCheckpoint } from './checkpoints.js'

export type ProblemKind =
  'altered' | 'deleted' | 'cut_off' | 'bad_signature' | 'unknown_key' | 'head_mismatch'

export interface Problem {
  kind: ProblemKind
  chain?: string
  seq?: number
  rowId?: number | null
  detail: string
}

export interface VerifyReport {
  ok: boolean
  chains: number
  rows: number
  legacyRows: number
  checkpoint: { id: number; createdAt: string; devKey: boolean } | null
  problems: Problem[]
}

const PAGE = 2000

/** Timestamps as written (UTC 'yyyy-MM-dd HH:mm:ss'), whatever the driver returns. */
function normalize(row: Record<string, any>) {
  const value = row.occurred_at
  if (value instanceof Date) row.occurred_at = value.toISOString().slice(0, 19).replace('T', ' ')
  return row
}

/**
 * Walks one chain in sequence order (keyset pages on the (chain, chain_seq) unique index) and reports the first
 * broken link: a row whose content no longer gives its hash (altered), a missing sequence number or a previous
 * hash that does not match (deleted). Returns the chain's size and the hash at `checkSeq` (for the checkpoint).
 */
async function walkChain(chain: string, checkSeq: number | null) {
  let prev = GENESIS
  let expected = 1
  let hashAtCheck: string | null = null
  let problem: Problem | null = null
  while (!problem) {
    const rows = await db
      .from('audit_events')
      .where('chain', chain)
      .where('chain_seq', '>=', expected)
      .orderBy('chain_seq')
      .limit(PAGE)
    if (rows.length === 0) break
    for (const raw of rows) {
      const row = normalize(raw)
      const seq = Number(row.chain_seq)
      if (seq !== expected) {
        problem = {
          kind: 'deleted',
          chain,
          seq: expected,
          rowId: null,
          detail: `row ${expected} of chain ${chain} is missing (next present: ${seq}, id ${row.id})`,
        }
        break
      }
      const computed = rowHash(prev, chain, seq, row)
      if (row.prev_hash !== prev) {
        problem = {
          kind: 'deleted',
          chain,
          seq,
          rowId: Number(row.id),
          detail: `row ${seq} (id ${row.id}) does not follow row ${seq - 1}: a row before it was removed or replaced`,
        }
        break
      }
      if (computed !== row.row_hash) {
        problem = {
          kind: 'altered',
          chain,
          seq,
          rowId: Number(row.id),
          detail: `row ${seq} (id ${row.id}, ${row.action}) was altered: its content no longer gives its hash`,
        }
        break
      }
      if (checkSeq !== null && seq === checkSeq) hashAtCheck = computed
      prev = computed
      expected = seq + 1
    }
    if (rows.length < PAGE) break
  }
  return { size: expected - 1, head: prev, hashAtCheck, problem }
}

/**
 * Verifies every chain, and the latest (or the given, e.g. a published copy of a) checkpoint: its signature,
 * and for each chain it lists, that the chain still reaches that size with that head (else it was cut off or
 * rewritten). Stops each chain at its first problem; reports them all.
 */
export async function verifyAudit(given?: PublishedCheckpoint | null): Promise<VerifyReport> {
  const problems: Problem[] = []
  const checkpointRow =
    given === undefined ? await db.from('audit_checkpoints').orderBy('id', 'desc').first() : given
  let statement: CheckpointStatement | null = null
  if (checkpointRow) {
    if (!verifyPayload(checkpointRow.payload, checkpointRow.signature, checkpointRow.public_key)) {
      problems.push({
        kind: 'bad_signature',
        detail: `checkpoint ${checkpointRow.id}: the signature does not match`,
      })
    } else {
      statement = JSON.parse(checkpointRow.payload)
    }
    const pinned = pinnedKeyId()
    if (pinned && keyIdOf(checkpointRow.public_key) !== pinned) {
      problems.push({
        kind: 'unknown_key',
        detail: `checkpoint ${checkpointRow.id} is signed by key ${keyIdOf(checkpointRow.public_key)}, not the pinned ${pinned}`,
      })
    }
  }
  const expectations = new Map(
    (statement?.chains ?? []).map(([c, seq, head]) => [c, { seq, head }])
  )
  const chains = new Set<string>(
    (await db.from('audit_chain_heads').select('chain')).map((r) => String(r.chain))
  )
  for (const c of expectations.keys()) chains.add(c)
  const heads = new Map(
    (await db.from('audit_chain_heads').select('chain', 'seq', 'head_hash')).map((h) => [
      String(h.chain),
      { seq: Number(h.seq), head: String(h.head_hash) },
    ])
  )

  let rows = 0
  for (const chain of [...chains].sort()) {
    const expect = expectations.get(chain) ?? null
    const walked = await walkChain(chain, expect?.seq ?? null)
    rows += walked.size
    if (walked.problem) {
      problems.push(walked.problem)
      continue
    }
    if (expect && walked.size < expect.seq) {
      problems.push({
        kind: 'cut_off',
        chain,
        seq: walked.size + 1,
        rowId: null,
        detail: `chain ${chain} ends at row ${walked.size} but the checkpoint saw ${expect.seq} rows: rows ${walked.size + 1}…${expect.seq} were cut off`,
      })
      continue
    }
    if (expect && walked.hashAtCheck !== expect.head) {
      problems.push({
        kind: 'altered',
        chain,
        seq: expect.seq,
        rowId: null,
        detail: `chain ${chain} at row ${expect.seq} no longer has the head the checkpoint signed: it was rewritten`,
      })
      continue
    }
    const head = heads.get(chain)
    if (head && (head.seq !== walked.size || head.head !== walked.head)) {
      problems.push({
        kind: walked.size < head.seq ? 'cut_off' : 'head_mismatch',
        chain,
        seq: walked.size + 1,
        rowId: null,
        detail: `chain ${chain} has ${walked.size} rows but its head says ${head.seq}`,
      })
    }
  }
  const [{ n }] = await db.from('audit_events').whereNull('chain').count('* as n')
  return {
    ok: problems.length === 0,
    chains: chains.size,
    rows,
    legacyRows: Number(n),
    checkpoint: checkpointRow
      ? {
          id: Number(checkpointRow.id),
          createdAt: statement?.created_at ?? String((checkpointRow as any).created_at ?? ''),
          devKey: Boolean(checkpointRow.dev_key),
        }
      : null,
    problems,
  }
}
