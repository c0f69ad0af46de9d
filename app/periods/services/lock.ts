import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { RuleViolation } from '#core'

export type LockReason = 'open' | 'period_closed' | 'submitted' | 'year_closed' | 'exception_active'

export interface LockOptions {
  /** The user writing; an approved past-period exception is personal to a request's scope. */
  actorId?: number | null
  caseId?: number | null
  trx?: TransactionClientContract
  /** "Today" for the check; tests pass a fixed day. */
  today?: string
}

/** Grace after a month's end before it closes (SPEC §4: default 1 working day). Placeholder: calendar days. */
const GRACE_DAYS = 1

/**
 * The lock reason for writing data with `effectiveDate` in `unitId`.
 * Minimal first version: a month is open until its end plus the grace; the periods module replaces this
 * with year closing, submitted snapshots and approved exceptions.
 */
export async function lockStatus(_unitId: number, effectiveDate: string, options: LockOptions = {}): Promise<{ reason: LockReason; editRequestId?: number }> {
  const today = options.today ?? DateTime.now().toISODate()!
  const closesAfter = DateTime.fromISO(effectiveDate).endOf('month').plus({ days: GRACE_DAYS }).toISODate()!
  if (today > closesAfter) return { reason: 'period_closed' }
  return { reason: 'open' }
}

export async function assertWritable(unitId: number, effectiveDate: string, options: LockOptions = {}): Promise<{ editRequestId: number | null }> {
  const today = options.today ?? DateTime.now().toISODate()!
  if (effectiveDate > today) throw new RuleViolation('periods.locked.future_date', { date: effectiveDate })
  const status = await lockStatus(unitId, effectiveDate, options)
  if (status.reason === 'open') return { editRequestId: null }
  if (status.reason === 'exception_active') return { editRequestId: status.editRequestId ?? null }
  throw new RuleViolation(`periods.locked.${status.reason}`, { date: effectiveDate })
}
