import { DateTime } from 'luxon'
import { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

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
 * Appends an audit event. Pass the transaction of the change so that both commit or neither does;
 * request facts (IP, user agent, request id) come from the current HTTP context when there is one.
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
  await (trx ?? db).insertQuery().table('audit_events').insert(row)
}
