import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { isWorkingDay, today, transaction } from '#core'

/**
 * Opens a write transaction after warming the working-day calendar that the period lock reads (on SQLite the
 * transaction holds the only connection, so a cold calendar load inside it could never run).
 */
export async function writeTransaction<T>(
  work: (trx: TransactionClientContract) => Promise<T>
): Promise<T> {
  await isWorkingDay(today())
  return transaction(work)
}

export function nowSql(): string {
  return DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
}

/** Affected rows of an UPDATE on either driver (SQLite answers a number, mysql2 a number or [number]). */
export function affected(result: unknown): number {
  if (typeof result === 'number') return result
  if (Array.isArray(result)) return Number(result[0] ?? 0)
  return Number((result as any)?.affectedRows ?? 0)
}
