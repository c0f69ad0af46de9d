import { DateTime } from 'luxon'
import { RuleViolation } from '#core'

/** Today as an ISO day, on the same clock as the period lock check. */
export function today(): string {
  return DateTime.now().toISODate()!
}

export function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid
}

export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day).plus({ days }).toISODate()!
}

/** Refuses a malformed day or one in the future (facts are recorded after they happen). */
export function assertPastDay(day: string, field = 'effective_date'): void {
  if (!isIsoDay(day)) throw new RuleViolation('cases.errors.bad_date', { field })
  if (day > today()) throw new RuleViolation('cases.errors.future_date', { date: day })
}

/** Legal deadline for deciding on a request: 5 working days; counted in calendar days until #core has a calendar. */
export const REQUEST_DECISION_DAYS = 5
export function requestDeadline(receivedOn: string): string {
  return addDays(receivedOn, REQUEST_DECISION_DAYS)
}
