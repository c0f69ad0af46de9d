/**
 * Public face of the periods module (SPEC §4). Every write in any module calls `assertWritable` inside its
 * transaction before changing data with an effective date.
 *
 * INTERFACE CONTRACT (other modules rely on it; keep the signatures):
 *   lockStatus(unitId, effectiveDate, options) → { reason, editRequestId?, lockedBy? }
 *     reason ∈ 'open' | 'period_closed' | 'submitted' | 'year_closed' | 'exception_active'
 *     order: year_closed, then period_closed (month end + grace working days), then submitted; an approved
 *     exception of the actor (options.actorId, options.caseId) turns any of them into 'exception_active'.
 *   assertWritable(unitId, effectiveDate, options) → { editRequestId: number | null }
 *     throws RuleViolation('periods.locked.<reason>' | 'periods.locked.future_date', { date, day }) when the
 *     date is locked for this actor. The returned editRequestId must be stored on the written rows
 *     (edit_request_id) and in the audit event. Under an exception it also writes the request's history line
 *     and an audit event 'periods.edited_under_exception', and raises the hook below after commit.
 *   options.today pins the day for one call; `setToday()` from #core pins it for the process (tests).
 *
 * For the reporting module:
 *   periodRange(year, n), periodOf(day), periodsOf(year), statisticalYearOf(day), yearRange(year),
 *   periodMonth(year, n), monthCloseDate(day) — statistical periods and the month closing date.
 *   registerSubmissionCheck(fn) — answers whether a unit-month is frozen by a submitted report ('submitted').
 *   onEditUnderException(listener) → unsubscribe, or the AdonisJS event 'periods:edited_under_exception'
 *     (emitter.on), both with { unitId, unitPath, effectiveDate, editRequestId, actorId, caseId }, raised after
 *     the edit's transaction commits: mark the submitted snapshots covering effectiveDate as revised.
 *   isYearClosed(year) — whether national staff closed the statistical year.
 * UI: `@!component('periods/partials/lock_reason', { status })` (on its own line) shows a lock reason as a
 *   badge (periods.state.<reason>) with its explanation (periods.locked.<reason>) as the tooltip; the same
 *   periods.locked.* keys are the RuleViolation messages of assertWritable.
 * Calendar (#core): isWorkingDay / addWorkingDays / workingDaysBetween take an optional query client — pass
 *   the transaction when calling inside one (SQLite has a single connection).
 */
export {
  lockStatus,
  assertWritable,
  baseLockReason,
  registerSubmissionCheck,
  type LockReason,
  type LockOptions,
  type LockStatus,
  type SubmissionCheck,
} from './services/lock.js'
export {
  periodRange,
  periodOf,
  periodsOf,
  periodMonth,
  statisticalYearOf,
  yearRange,
  monthOf,
  monthRange,
  monthCloseDate,
  graceWorkingDays,
  type PeriodRange,
} from './services/periods.js'
export {
  onEditUnderException,
  EDITED_UNDER_EXCEPTION,
  type EditedUnderException,
} from './events.js'
export { isYearClosed } from './services/years.js'
// Submission of statistical forms (SPEC §4): immutable snapshots officer → unit → province → national.
export {
  default as Submission,
  SUBMISSION_LEVELS,
  SUBMISSION_STATUSES,
  DEADLINE_WORKING_DAYS,
  type SubmissionLevel,
  type SubmissionStatus,
} from './models/submission.js'
export { SubmitForm, type SubmitInput } from './actions/submission_submit.js'
export { ApproveSubmission } from './actions/submission_approve.js'
export { AcceptSubmission } from './actions/submission_accept.js'
export { ReturnSubmission } from './actions/submission_return.js'
export { MarkSubmissionsRevised } from './actions/submission_mark_revised.js'
export { deadlineFor, canonicalJson, sha256 as snapshotHash } from './services/submission_store.js'
export { diffForms, type CellChange } from './services/submission_diff.js'
export { submittedCheck } from './services/submission_lock.js'
