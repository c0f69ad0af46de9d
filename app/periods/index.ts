/**
 * Public face of the periods module (SPEC §4). Every write in any module calls `assertWritable` inside its
 * transaction before changing data with an effective date.
 *
 * INTERFACE CONTRACT (other modules rely on it; keep the signatures):
 *   lockStatus(unitId, effectiveDate, options) → { reason, editRequestId? }
 *     reason ∈ 'open' | 'period_closed' | 'submitted' | 'year_closed' | 'exception_active'
 *   assertWritable(unitId, effectiveDate, options) → { editRequestId: number | null }
 *     throws RuleViolation('periods.locked.<reason>', { date }) when the date is locked for this actor.
 *     The returned editRequestId must be stored on the written rows (edit_request_id) and in the audit event.
 */
export { lockStatus, assertWritable, type LockReason, type LockOptions } from './services/lock.js'
