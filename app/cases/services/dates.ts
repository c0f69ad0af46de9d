import { DateTime } from 'luxon'
import { RuleViolation, today as clockToday, addDays as shiftDays, addWorkingDays } from '#core'

/** Today as an ISO day on the application clock (Vietnam time, pinnable in tests), as the lock check uses. */
export function today(): string {
  return clockToday()
}

export function isIsoDay(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    DateTime.fromISO(value).isValid
  )
}

export const addDays = shiftDays

/** Refuses a malformed day or one in the future (facts are recorded after they happen). */
export function assertPastDay(day: string, field = 'effective_date'): void {
  if (!isIsoDay(day)) throw new RuleViolation('cases.errors.bad_date', { field })
  if (day > today()) throw new RuleViolation('cases.errors.future_date', { date: day })
}

/** Legal deadline for deciding on a request: 5 working days after it was received (holiday calendar of #core). */
export const REQUEST_DECISION_WORKING_DAYS = 5
export function requestDeadline(receivedOn: string): Promise<string> {
  return addWorkingDays(receivedOn, REQUEST_DECISION_WORKING_DAYS)
}

/** The lock-checking write transaction of #core (calendar warmed, retried on Galera conflicts). */
export { writeTransaction } from '#core'
