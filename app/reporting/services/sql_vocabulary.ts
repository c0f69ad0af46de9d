/**
 * SQL fragments that name the facts of SPEC §5 over fixed aliases:
 *   c = cases, e = the case's status span at period end E (LEFT JOIN, null = no span = in_progress),
 *   m = money entries.
 * Dates are inlined as literals: they come from `periodRange` and are checked to be ISO days first.
 * Every fragment is null-safe (COALESCE), so `NOT (fragment)` is never NULL.
 */
import type { Period } from '../plugin/types.js'

export const TERMINAL_STATUSES = [
  'completed',
  'terminated',
  'delegated_out',
  'withdrawn',
  'revoked',
] as const
export const OPEN_STATUSES = ['in_progress', 'no_conditions', 'postponed', 'suspended'] as const
/** Money kinds that reduce the remaining balance (SPEC §3: Remaining = Σ obligation − these). */
export const REDUCING_KINDS = [
  'collected',
  'reduced',
  'terminated_amount',
  'delegated_amount',
  'withdrawn_amount',
  'revoked_amount',
] as const

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

export function sqlDate(day: string): string {
  if (!ISO_DAY.test(day)) throw new Error(`Not an ISO day: ${day}`)
  return `'${day}'`
}

export function sqlList(values: readonly string[]): string {
  for (const v of values) if (!/^[a-z_]+$/.test(v)) throw new Error(`Unsafe SQL word: ${v}`)
  return values.map((v) => `'${v}'`).join(', ')
}

export function sqlVocabulary(period: Period) {
  const S = sqlDate(period.start)
  const E = sqlDate(period.end)
  const status = `COALESCE(e.status, 'in_progress')`
  const endedFrom = `COALESCE(e.from_date, '9999-12-31')`
  const terminal = `${status} IN (${sqlList(TERMINAL_STATUSES)})`
  const vocabulary = {
    S,
    E,
    /** Status of the case at E. */
    status,
    statusIs: (...statuses: string[]) => `(${status} IN (${sqlList(statuses)}))`,
    /** Terminal at E and already before S (such a case is out of the year's report). */
    endedBeforeStart: `(${terminal} AND ${endedFrom} < ${S})`,
    /** Reached one of these terminal statuses within [S, E]. */
    endedInPeriod: (...statuses: string[]) =>
      `(${status} IN (${sqlList(statuses.length ? statuses : TERMINAL_STATUSES)}) AND ${endedFrom} >= ${S})`,
    openAtEnd: `(${status} IN (${sqlList(OPEN_STATUSES)}))`,
    acceptedBeforeStart: `(c.decision_date < ${S})`,
    acceptedInPeriod: `(c.decision_date >= ${S} AND c.decision_date <= ${E})`,
    /** Money entry kind tests and dates. */
    kindIn: (...kinds: string[]) => `(m.kind IN (${sqlList(kinds)}))`,
    datedInPeriod: `(m.effective_date >= ${S} AND m.effective_date <= ${E})`,
    datedBeforeStart: `(m.effective_date < ${S})`,
    datedByEnd: `(m.effective_date <= ${E})`,
    /** The entry's effect on the remaining balance: + obligation, − reducing kinds, 0 for paid_out and fee. */
    balance: `(CASE WHEN m.kind = 'obligation' THEN m.amount WHEN m.kind IN (${sqlList(REDUCING_KINDS)}) THEN -m.amount ELSE 0 END)`,
    /** `amount` when the predicate holds, else 0. */
    amountIf: (predicate: string, amount = 'm.amount') =>
      `(CASE WHEN ${predicate} THEN ${amount} ELSE 0 END)`,
  }
  return vocabulary
}

export type SqlVocabulary = ReturnType<typeof sqlVocabulary>
