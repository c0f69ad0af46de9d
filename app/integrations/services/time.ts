import { DateTime } from 'luxon'

/** UTC timestamps as the `YYYY-MM-DD HH:MM:SS` strings stored and compared in SQL on both databases. */
export function stamp(at: Date | number = Date.now()): string {
  return DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone: 'utc' }).toFormat(
    'yyyy-MM-dd HH:mm:ss'
  )
}

/** A stored timestamp (string on SQLite, Date on MySQL) back to the same string form. */
export function readStamp(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return stamp(value)
  return String(value).replace('T', ' ').slice(0, 19)
}

export function readDay(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return DateTime.fromJSDate(value).toFormat('yyyy-MM-dd')
  return String(value).slice(0, 10)
}
