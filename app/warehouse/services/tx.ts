import { DateTime } from 'luxon'

/** The lock-checking write transaction of #core (calendar warmed, retried on Galera conflicts). */
export { writeTransaction } from '#core'

export function nowSql(): string {
  return DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
}

/** Affected rows of an UPDATE on either driver (SQLite answers a number, mysql2 a number or [number]). */
export function affected(result: unknown): number {
  if (typeof result === 'number') return result
  if (Array.isArray(result)) return Number(result[0] ?? 0)
  return Number((result as any)?.affectedRows ?? 0)
}
