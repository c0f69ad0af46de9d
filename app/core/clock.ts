import { DateTime } from 'luxon'

/**
 * "Today" for every rule that depends on the date (locks, deadlines, time boxes). The agencies work on
 * Vietnam time, so the day is taken in Asia/Ho_Chi_Minh whatever the server's zone.
 * Overridable so that tests and a practice instance can pin the date:
 *   - THADS_TODAY=YYYY-MM-DD in the environment (practice instance, demos);
 *   - setToday('YYYY-MM-DD') / setToday(null) in-process (tests; the test HTTP server shares the process).
 */
export const APP_ZONE = 'Asia/Ho_Chi_Minh'

let pinned: string | null = null

function isIsoDay(value: string | undefined | null): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    DateTime.fromISO(value).isValid
  )
}

export function today(): string {
  if (pinned) return pinned
  const fromEnv = process.env.THADS_TODAY
  if (isIsoDay(fromEnv)) return fromEnv
  return DateTime.now().setZone(APP_ZONE).toISODate()!
}

/** Pins "today" for this process; `null` returns to the real clock. */
export function setToday(day: string | null) {
  if (day !== null && !isIsoDay(day)) throw new Error(`setToday expects YYYY-MM-DD, got ${day}`)
  pinned = day
}

/** Shifts an ISO day by calendar days (negative allowed); pure string in, string out. */
export function addDays(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days: n }).toISODate()!
}

/** Last day of the month containing `day`. */
export function endOfMonth(day: string): string {
  return DateTime.fromISO(day, { zone: 'utc' }).endOf('month').toISODate()!
}
