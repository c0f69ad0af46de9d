import { transaction } from '#core'
import { DateTime } from 'luxon'
import { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import { GENESIS, chainOf, rowHash } from './chain.js'
import { alertRelevant } from './alerts/evaluate.js'

export interface AuditActor {
  id: number
  email: string
}

export interface AuditEntry {
  actor?: AuditActor | null
  /** For failed logins there is no actor, only the e-mail that was tried. */
  actorEmail?: string | null
  /** The unit the subject belongs to: it decides who may read the event. */
  unit?: { id: number; path: string } | null
  action: string
  outcome?: 'ok' | 'refused' | 'failed'
  subjectType?: string | null
  subjectId?: string | number | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

const SECRET_KEYS = /pass(word)?|token|secret|hash|session_?epoch/i

/** Drops anything secret before it reaches the trail. */
function clean(values: Record<string, unknown> | null | undefined): string | null {
  if (!values) return null
  const safe: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    if (!SECRET_KEYS.test(key)) safe[key] = value
  }
  return JSON.stringify(safe)
}

/**
 * Links the row into its unit's hash chain (tamper-evident trail, see migration 0121): takes the chain head's
 * lock, computes the row hash from the previous one and moves the head, all in the caller's transaction.
 */
async function appendChained(trx: TransactionClientContract, row: Record<string, unknown>) {
  const chain = chainOf(row.unit_id as number | null)
  const lockHead = () => {
    const query = trx.from('audit_chain_heads').where('chain', chain)
    if (trx.dialect.name === 'mysql') query.forUpdate()
    return query.first()
  }
  // The usual path locks the existing head directly (an INSERT IGNORE first would take a shared lock that two
  // writers then both try to upgrade: a deadlock). Only a chain's very first row creates its head.
  let head = await lockHead()
  if (!head) {
    await trx
      .insertQuery()
      .table('audit_chain_heads')
      .insert({ chain, seq: 0, head_hash: GENESIS, updated_at: row.occurred_at })
      .knexQuery.onConflict('chain')
      .ignore()
    head = await lockHead()
  }
  const seq = Number(head.seq) + 1
  const hash = rowHash(head.head_hash, chain, seq, row)
  await trx
    .insertQuery()
    .table('audit_events')
    .insert({ ...row, chain, chain_seq: seq, prev_hash: head.head_hash, row_hash: hash })
  await trx
    .from('audit_chain_heads')
    .where('chain', chain)
    .update({ seq, head_hash: hash, updated_at: row.occurred_at })
}

/**
 * Appends an audit event. Pass the transaction of the change so that both commit or neither does;
 * request facts (IP, user agent, request id) come from the current HTTP context when there is one.
 * Each row is chained to the previous row of its unit's chain (`appendChained`).
 */
export async function recordAudit(
  entry: AuditEntry,
  trx?: TransactionClientContract
): Promise<void> {
  const ctx = HttpContext.get()
  const row = {
    occurred_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
    actor_id: entry.actor?.id ?? null,
    actor_email: entry.actor?.email ?? entry.actorEmail ?? null,
    unit_id: entry.unit?.id ?? null,
    unit_path: entry.unit?.path ?? null,
    action: entry.action,
    outcome: entry.outcome ?? 'ok',
    subject_type: entry.subjectType ?? null,
    subject_id:
      entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
    before: clean(entry.before),
    after: clean(entry.after),
    ip: ctx?.request.ip() ?? null,
    user_agent: ctx?.request.header('user-agent')?.slice(0, 512) ?? null,
    request_id: ctx?.request.id() ?? null,
  }
  const relevant = alertRelevant(row)
  if (trx) {
    await appendChained(trx, row)
    if (relevant) trx.after('commit', () => runAlertRules(row))
    return
  }
  await transaction((own) => appendChained(own, row))
  if (relevant) await runAlertRules(row)
}

/** Intrusion rules run once the row is committed; a failing rule never fails the audited action. */
async function runAlertRules(row: Record<string, unknown>) {
  try {
    const { evaluateAlerts } = await import('./alerts/evaluate.js')
    await evaluateAlerts(row)
  } catch (error) {
    logger.error({ err: error }, 'intrusion alert rules failed')
  }
}
