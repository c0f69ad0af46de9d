import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Case from '../models/case.js'

/**
 * Span bookkeeping: closing the open span at `day` (exclusive end) and opening the next one, in the
 * caller's transaction. Callers guarantee `day` is not before the open span's start.
 */
export async function openStatusSpan(
  trx: TransactionClientContract,
  c: Case,
  status: string,
  day: string,
  eventId: number | null
) {
  await trx
    .from('case_status_spans')
    .where('case_id', c.id)
    .whereNull('to_date')
    .update({ to_date: day })
  await trx.insertQuery().table('case_status_spans').insert({
    case_id: c.id,
    unit_id: c.unitId,
    unit_path: c.unitPath,
    status,
    from_date: day,
    to_date: null,
    event_id: eventId,
  })
}

export async function openAssignment(
  trx: TransactionClientContract,
  c: Case,
  officerId: number,
  day: string,
  handoverId: number | null = null
) {
  await trx
    .from('case_assignments')
    .where('case_id', c.id)
    .whereNull('to_date')
    .update({ to_date: day })
  await trx.insertQuery().table('case_assignments').insert({
    case_id: c.id,
    unit_id: c.unitId,
    officer_id: officerId,
    from_date: day,
    to_date: null,
    handover_id: handoverId,
  })
}

/** The start of the current status span: no status-changing fact may be dated before it. */
export async function currentSpanStart(
  trx: TransactionClientContract,
  caseId: number
): Promise<string | null> {
  const row = await trx
    .from('case_status_spans')
    .where('case_id', caseId)
    .whereNull('to_date')
    .select('from_date')
    .first()
  return row ? String(row.from_date).slice(0, 10) : null
}

export async function currentAssignmentStart(
  trx: TransactionClientContract,
  caseId: number
): Promise<string | null> {
  const row = await trx
    .from('case_assignments')
    .where('case_id', caseId)
    .whereNull('to_date')
    .select('from_date')
    .first()
  return row ? String(row.from_date).slice(0, 10) : null
}
