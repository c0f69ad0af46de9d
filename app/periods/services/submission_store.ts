/**
 * Shared pieces of the submission use cases: the snapshot's canonical JSON and hash, deadlines in working
 * days, loading a version with its decisions, and the audit line. Each action still runs in its own transaction.
 */
import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { addWorkingDays, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import type { User } from '#accounts'
import Submission, { DEADLINE_WORKING_DAYS, type SubmissionLevel } from '../models/submission.js'
import type { DecisionAction } from '../models/submission_decision.js'
import { periodRange } from './periods.js'

/** JSON with object keys sorted at every depth: the same form always gives the same text and hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]])
        )
      : v
  )
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The last day a level may submit period n of year Y on time: the period's end + its working days (SPEC §4). */
export async function deadlineFor(
  level: SubmissionLevel,
  year: number,
  n: number,
  client?: QueryClientContract
): Promise<string> {
  return addWorkingDays(periodRange(year, n).end, DEADLINE_WORKING_DAYS[level], client)
}

/** A version with its decisions (oldest first), revisions and submitter. */
export async function loadSubmission(
  id: number,
  client?: QueryClientContract
): Promise<Submission> {
  const submission = await Submission.query({ client })
    .where('id', id)
    .preload('decisions', (q) => q.orderBy('step', 'asc').preload('actor'))
    .preload('revisions', (q) => q.orderBy('id', 'asc'))
    .preload('submittedBy')
    .preload('unit')
    .first()
  if (!submission) throw new RuleViolation('submissions.errors.not_found')
  return submission
}

/** The newest version of the chain a version belongs to (only the newest may be decided or superseded). */
export async function newestOfChain(
  s: Pick<Submission, 'formId' | 'unitId' | 'year' | 'period' | 'level' | 'officerId'>,
  client?: QueryClientContract
) {
  return Submission.query({ client })
    .where({
      form_id: s.formId,
      unit_id: s.unitId,
      year: s.year,
      period: s.period,
      level: s.level,
      officer_id: s.officerId,
    })
    .orderBy('version', 'desc')
    .preload('decisions', (q) => q.orderBy('step', 'asc'))
    .preload('revisions')
    .first()
}

export function nowSql(): string {
  return DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
}

/** Appends a decision; the unique (submission, step) refuses a second decider acting on the same state. */
export async function addDecision(
  trx: TransactionClientContract,
  s: Submission,
  action: DecisionAction,
  actor: User,
  reason: string | null
) {
  const step = (s.decisions ?? []).length + 1
  try {
    await trx.insertQuery().table('submission_decisions').insert({
      submission_id: s.id,
      step,
      action,
      actor_id: actor.id,
      reason,
      decided_at: nowSql(),
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleViolation('submissions.errors.stale')
    throw error
  }
  return step
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string }
  return (
    e?.code === 'ER_DUP_ENTRY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/i.test(e?.message ?? '')
  )
}

export async function auditSubmission(
  trx: TransactionClientContract,
  actor: User | { id: number; email: string } | null,
  s: Pick<Submission, 'id' | 'unitId' | 'unitPath'>,
  verb: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null
) {
  await recordAudit(
    {
      actor,
      unit: { id: s.unitId, path: s.unitPath },
      action: `submissions.${verb}`,
      subjectType: 'submission',
      subjectId: s.id,
      before,
      after,
    },
    trx
  )
}

/** Parent unit id of a unit (the level that receives its report). */
export async function parentUnitId(
  unitId: number,
  client?: QueryClientContract
): Promise<number | null> {
  const row = await (client ?? db).from('units').where('id', unitId).select('parent_id').first()
  return row?.parent_id ? Number(row.parent_id) : null
}

/** Paths of a unit and all its ancestors: '/1/7/42/' → ['/1/', '/1/7/', '/1/7/42/']. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean)
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`)
}
