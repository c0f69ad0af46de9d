import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { RuleViolation, today as clockToday } from '#core'
import { monthCloseDate, monthOf, statisticalYearOf } from './periods.js'
import { findActiveException, recordExceptionUse } from './exceptions.js'
import { isYearClosed } from './years.js'

export type LockReason = 'open' | 'period_closed' | 'submitted' | 'year_closed' | 'exception_active'

export interface LockOptions {
  /** The user writing; an approved past-period exception is personal to its requester. */
  actorId?: number | null
  caseId?: number | null
  trx?: TransactionClientContract
  /** "Today" for the check; defaults to the clock of #core (`today()`), which tests may pin. */
  today?: string
}

export interface LockStatus {
  reason: LockReason
  editRequestId?: number
  /** With 'exception_active': the lock the exception lifts. */
  lockedBy?: Exclude<LockReason, 'open' | 'exception_active'>
}

/**
 * Whether a unit's data for a month is frozen by a submitted report. The reporting module registers the
 * answer (it owns the snapshots); without a registered check nothing counts as submitted.
 */
export type SubmissionCheck = (query: {
  unitId: number
  month: string
  effectiveDate: string
  trx?: TransactionClientContract
}) => Promise<boolean>
const submissionChecks: SubmissionCheck[] = []

/** Registers a check; returns the function that removes it. */
export function registerSubmissionCheck(check: SubmissionCheck): () => void {
  if (!submissionChecks.includes(check)) submissionChecks.push(check)
  return () => {
    const i = submissionChecks.indexOf(check)
    if (i >= 0) submissionChecks.splice(i, 1)
  }
}

/**
 * The lock before exceptions: the year closing wins (it outlives any month), then the month's closing date
 * (end of month + grace in working days), then a submitted report for the month.
 */
export async function baseLockReason(
  unitId: number,
  effectiveDate: string,
  options: Pick<LockOptions, 'trx' | 'today'> = {}
): Promise<Exclude<LockReason, 'exception_active'>> {
  const today = options.today ?? clockToday()
  if (await isYearClosed(statisticalYearOf(effectiveDate), options.trx)) return 'year_closed'
  if (today > (await monthCloseDate(effectiveDate, undefined, options.trx))) return 'period_closed'
  for (const check of submissionChecks) {
    if (await check({ unitId, month: monthOf(effectiveDate), effectiveDate, trx: options.trx }))
      return 'submitted'
  }
  return 'open'
}

/** The lock reason for writing data with `effectiveDate` in `unitId` (SPEC §4), exceptions included. */
export async function lockStatus(
  unitId: number,
  effectiveDate: string,
  options: LockOptions = {}
): Promise<LockStatus> {
  const reason = await baseLockReason(unitId, effectiveDate, options)
  if (reason === 'open') return { reason }
  const exception = await findActiveException(unitId, effectiveDate, options)
  if (exception)
    return { reason: 'exception_active', editRequestId: exception.id, lockedBy: reason }
  return { reason }
}

/**
 * Call inside the write's transaction, before the change. Refuses future effective dates and locked dates;
 * under an exception it tags the edit on the request's history (and raises the edited-under-exception hook
 * after commit) and returns the request id the caller stores in `edit_request_id` and its audit event.
 */
export async function assertWritable(
  unitId: number,
  effectiveDate: string,
  options: LockOptions = {}
): Promise<{ editRequestId: number | null }> {
  const today = options.today ?? clockToday()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate))
    throw new RuleViolation('periods.locked.invalid_date', { date: effectiveDate })
  if (effectiveDate > today)
    throw new RuleViolation('periods.locked.future_date', {
      date: effectiveDate,
      day: displayDay(effectiveDate),
    })
  const status = await lockStatus(unitId, effectiveDate, { ...options, today })
  if (status.reason === 'open') return { editRequestId: null }
  if (status.reason === 'exception_active' && status.editRequestId) {
    await recordExceptionUse(
      status.editRequestId,
      { unitId, effectiveDate, actorId: options.actorId ?? null, caseId: options.caseId ?? null },
      options.trx
    )
    return { editRequestId: status.editRequestId }
  }
  throw new RuleViolation(`periods.locked.${status.reason}`, {
    date: effectiveDate,
    day: displayDay(effectiveDate),
  })
}

/** dd/mm/yyyy for messages; the ISO `date` stays in the data for API clients. */
function displayDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
}
