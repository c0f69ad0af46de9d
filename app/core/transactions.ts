import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { isWorkingDay } from './calendar.js'
import { today } from './clock.js'

/**
 * The one way to open a write transaction. On a MariaDB Galera cluster a write that conflicts with a write
 * committed on another node fails with ERROR 1213 *at COMMIT*; on one server a deadlock (1213) or a lock wait
 * timeout (1205) can hit any statement. Both mean "nothing was stored, run it again": the whole callback is
 * re-run in a fresh transaction, at most `attempts` times, with a short jittered exponential backoff.
 * The callback must therefore only write through `trx` (side effects belong after the commit).
 */
export const RETRYABLE_ERRNOS = new Set([1213, 1205])

export function isRetryableWriteError(error: unknown): boolean {
  const e = error as { errno?: number; code?: string } | null
  if (!e) return false
  if (e.errno !== undefined && RETRYABLE_ERRNOS.has(Number(e.errno))) return true
  return e.code === 'ER_LOCK_DEADLOCK' || e.code === 'ER_LOCK_WAIT_TIMEOUT'
}

export interface RetryOptions {
  attempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
}

let retries = 0
/** How many transactions were re-run in this process (health page, bench). */
export function writeRetries(): number {
  return retries
}

export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8
  const base = options.baseDelayMs ?? 15
  const max = options.maxDelayMs ?? 600
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= attempts || !isRetryableWriteError(error)) throw error
      retries++
      const ceiling = Math.min(max, base * 2 ** (attempt - 1))
      await new Promise((resolve) =>
        setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2))
      )
    }
  }
}

export function transaction<T>(
  work: (trx: TransactionClientContract) => Promise<T>,
  options: RetryOptions = {}
): Promise<T> {
  return withRetry(() => once(work), options)
}

/**
 * One attempt. knex swallows an error of COMMIT itself (its commit() resolves; only the transaction's
 * execution promise rejects) — harmless on one server, but Galera reports certification conflicts exactly
 * there, so without this check a lost write would be answered as a success.
 */
async function once<T>(work: (trx: TransactionClientContract) => Promise<T>): Promise<T> {
  const trx = await db.transaction()
  const execution: Promise<unknown> | undefined = (trx.knexClient as any).executionPromise
  execution?.catch(() => {})
  let result: T
  try {
    result = await work(trx)
  } catch (error) {
    if (!trx.isCompleted) await trx.rollback()
    throw error
  }
  if (!trx.isCompleted) await trx.commit()
  await execution
  return result
}

/**
 * A conflicting write that every racer of the same `key` makes inside its transaction. On one server the
 * upsert's row lock serialises them; on Galera, where `SELECT … FOR UPDATE` on one node does not block
 * another node, certification rejects all but the first commit (1213) and `transaction()` re-runs them.
 */
export async function bumpFence(trx: TransactionClientContract, key: string): Promise<void> {
  const sql =
    trx.dialect.name === 'mysql'
      ? 'INSERT INTO write_fences (`key`, version) VALUES (?, 1) ON DUPLICATE KEY UPDATE version = version + 1'
      : 'INSERT INTO write_fences ("key", version) VALUES (?, 1) ON CONFLICT ("key") DO UPDATE SET version = version + 1'
  await trx.rawQuery(sql, [key])
}

/**
 * A write that checks the period lock: warms the working-day calendar first, because on SQLite the transaction
 * holds the only connection, so a cold calendar load inside it could never run.
 */
export async function writeTransaction<T>(
  work: (trx: TransactionClientContract) => Promise<T>
): Promise<T> {
  await isWorkingDay(today())
  return transaction(work)
}
