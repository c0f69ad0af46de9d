import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { effect } from './balance.js'

export interface CaseState {
  /** null before the case was accepted (no span covers the day). */
  status: string | null
  remaining: number
  held: number
  officerId: number | null
}

/**
 * The state of a case at the end of ISO day `day`, derived only from the span tables and money entries
 * (never from the caches on `cases`). Spans are half-open [from_date, to_date); a same-day chain of
 * changes leaves the last one standing.
 */
export async function caseStateAsOf(
  caseId: number,
  day: string,
  trx?: TransactionClientContract
): Promise<CaseState> {
  const client = trx ?? db
  const span = await client
    .from('case_status_spans')
    .where('case_id', caseId)
    .where('from_date', '<=', day)
    .where((q) => q.whereNull('to_date').orWhere('to_date', '>', day))
    .orderBy('from_date', 'desc')
    .orderBy('id', 'desc')
    .select('status')
    .first()
  const assignment = await client
    .from('case_assignments')
    .where('case_id', caseId)
    .where('from_date', '<=', day)
    .where((q) => q.whereNull('to_date').orWhere('to_date', '>', day))
    .orderBy('from_date', 'desc')
    .orderBy('id', 'desc')
    .select('officer_id')
    .first()
  const sums = await client
    .from('money_entries')
    .where('case_id', caseId)
    .where('effective_date', '<=', day)
    .groupBy('kind')
    .select('kind')
    .sum('amount as total')
  let remaining = 0
  let held = 0
  for (const row of sums) {
    const e = effect({ kind: row.kind, amount: Number(row.total ?? 0) })
    remaining += e.remaining
    held += e.held
  }
  return {
    status: span?.status ?? null,
    remaining,
    held,
    officerId: assignment ? Number(assignment.officer_id) : null,
  }
}
