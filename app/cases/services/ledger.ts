/**
 * Low-level writes shared by every case action, always inside the caller's transaction and after the
 * caller authorized, checked the period lock and validated the rule. Nothing here decides legality.
 */
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Case from '../models/case.js'
import type { MoneyKind } from '../models/money_entry.js'
import type { User } from '#accounts'
import { recordAudit } from '#audit'
import { addTerm } from './search/terms.js'
import { notifyCaseEvent } from '#core'
import { REMAINING_REDUCERS, totals, type Line } from './balance.js'
import { refreshCaseDeadlines } from './deadlines/store.js'

export interface EventRow {
  type: string
  effectiveDate: string
  actorId: number | null
  documentNumber?: string | null
  legalGround?: string | null
  amount?: number | null
  statusAfter?: string | null
  targetUnitId?: number | null
  officerId?: number | null
  data?: Record<string, unknown> | null
  note?: string | null
  editRequestId?: number | null
}

const now = () => DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')

export async function insertEvent(
  trx: TransactionClientContract,
  c: Case,
  row: EventRow
): Promise<number> {
  const [id] = await trx
    .insertQuery()
    .table('case_events')
    .insert({
      case_id: c.id,
      unit_id: c.unitId,
      type: row.type,
      effective_date: row.effectiveDate,
      recorded_at: now(),
      actor_id: row.actorId,
      document_number: row.documentNumber ?? null,
      legal_ground: row.legalGround ?? null,
      amount: row.amount ?? null,
      status_after: row.statusAfter ?? null,
      target_unit_id: row.targetUnitId ?? null,
      officer_id: row.officerId ?? null,
      data: row.data ? JSON.stringify(row.data) : null,
      note: row.note ?? null,
      edit_request_id: row.editRequestId ?? null,
    })
  return Number(id)
}

export interface MoneyRow {
  kind: MoneyKind
  amount: number
  effectiveDate: string
  actorId: number | null
  receiptNumber?: string | null
  payee?: 'creditor' | 'state_budget' | null
  eventId?: number | null
  editRequestId?: number | null
}

export async function insertMoney(
  trx: TransactionClientContract,
  c: Case,
  row: MoneyRow
): Promise<number> {
  if (!Number.isSafeInteger(row.amount)) throw new Error('money amounts are integer VND')
  const [id] = await trx
    .insertQuery()
    .table('money_entries')
    .insert({
      case_id: c.id,
      unit_id: c.unitId,
      unit_path: c.unitPath,
      kind: row.kind,
      amount: row.amount,
      effective_date: row.effectiveDate,
      receipt_number: row.receiptNumber ?? null,
      payee: row.payee ?? null,
      event_id: row.eventId ?? null,
      officer_id: c.officerId,
      actor_id: row.actorId,
      recorded_at: now(),
      edit_request_id: row.editRequestId ?? null,
    })
  if (row.receiptNumber) await addTerm(trx, c.id, 'receipt', row.receiptNumber)
  return Number(id)
}

export async function loadLines(trx: TransactionClientContract, caseId: number): Promise<Line[]> {
  const rows = await trx
    .from('money_entries')
    .where('case_id', caseId)
    .orderBy('effective_date')
    .orderBy('id')
    .select('kind', 'amount', 'effective_date')
  return rows.map((r) => ({
    kind: r.kind,
    amount: Number(r.amount),
    effectiveDate: String(r.effective_date).slice(0, 10),
  }))
}

/** The latest day on which Remaining changed: a terminal event may not predate it. */
export function lastBalanceDay(lines: Line[]): string | null {
  const days = lines
    .filter(
      (l) => l.kind === 'obligation' || (REMAINING_REDUCERS as readonly string[]).includes(l.kind)
    )
    .map((l) => l.effectiveDate)
  return days.length ? days.reduce((a, b) => (a > b ? a : b)) : null
}

/**
 * Rewrites the list caches from the derived truth (open span, ledger, open assignment), and the case's
 * pending deadlines (`case_deadlines`): every event, money and approval write ends here.
 */
export async function refreshCaches(
  trx: TransactionClientContract,
  c: Case
): Promise<{ status: string; remaining: number; held: number }> {
  const span = await trx
    .from('case_status_spans')
    .where('case_id', c.id)
    .whereNull('to_date')
    .orderBy('id', 'desc')
    .select('status')
    .first()
  const { remaining, held } = totals(await loadLines(trx, c.id))
  const status = span?.status ?? c.status
  await trx.from('cases').where('id', c.id).update({ status, remaining, held, updated_at: now() })
  c.status = status
  c.remaining = remaining
  c.held = held
  await refreshCaseDeadlines(trx, c.id)
  return { status, remaining, held }
}

/**
 * The common end of every event write: refresh the caches, then the `case.event_recorded` audit row with the
 * state before and after, in the same transaction.
 */
export async function finishEventWrite(
  trx: TransactionClientContract,
  actor: User,
  c: Case,
  before: Record<string, unknown>,
  details: Record<string, unknown>
) {
  const after = await refreshCaches(trx, c)
  await recordAudit(
    {
      actor,
      unit: { id: c.unitId, path: c.unitPath },
      action: 'case.event_recorded',
      subjectType: 'case',
      subjectId: c.id,
      before,
      after: { ...after, ...details },
    },
    trx
  )
  await notifyCaseEvent(
    {
      source: 'event',
      type: String(details.event ?? ''),
      caseId: c.id,
      unitId: c.unitId,
      unitPath: c.unitPath,
      eventId: typeof details.eventId === 'number' ? details.eventId : null,
      effectiveDate: String(details.effectiveDate ?? ''),
      statusBefore: typeof before.status === 'string' ? before.status : null,
      statusAfter: after.status,
      actorId: actor.id,
      legalGround: typeof details.legalGround === 'string' ? details.legalGround : null,
    },
    trx
  )
}
