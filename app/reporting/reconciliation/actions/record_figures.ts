/**
 * Records or corrects the paper report's figures of one unit, statistical year and period (SPEC §9). One
 * transaction: authorize → lock → upsert → audit. The gap snapshots of the unit and its ancestors are taken after
 * the commit (they read through the pool).
 *
 * What a lock means for paper figures (decided here, docs/reconciliation.md): the paper report of period n exists
 * only once its last month has ended, so a period that has not ended yet is refused; and once national staff have
 * closed the statistical year (chốt số liệu), its paper figures are frozen like the data they describe. The
 * monthly period locks do not apply: the paper report of a period is always written after that month closed.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { RuleViolation, today, transaction } from '#core'
import { Unit, type User } from '#accounts'
import { recordAudit } from '#audit'
import { isYearClosed } from '#periods'
import { periodRange } from '../../services/period.js'
import { FIGURE_KEYS, isMoney, MONEY_DIVISOR, type FigureKey } from '../indicators.js'
import { authorizeWrite } from '../access.js'
import { snapshotAfterWrite } from './take_snapshots.js'

export interface FigureInput {
  year: number
  period: number
  /** Cases as counted; money in thousands of VND as on the paper form 07. */
  values: Record<FigureKey, number>
  note?: string | null
}

/** Refuses a period that has not ended or a closed year (see the header). */
export async function assertFiguresWritable(
  year: number,
  period: number,
  trx?: TransactionClientContract
) {
  if (periodRange(year, period).end >= today())
    throw new RuleViolation('reconciliation.period_not_ended', { year, period })
  if (await isYearClosed(year, trx)) throw new RuleViolation('reconciliation.year_closed', { year })
}

/** Writes one unit's figures inside `trx` (shared with the import). Returns whether anything changed. */
export async function upsertFigures(
  trx: TransactionClientContract,
  user: User,
  unit: Unit,
  input: FigureInput,
  source: 'form' | 'import'
): Promise<boolean> {
  const stored: Record<string, number> = {}
  for (const k of FIGURE_KEYS)
    stored[k] = isMoney(k) ? input.values[k] * MONEY_DIVISOR : input.values[k]
  const existing = await trx
    .from('traditional_figures')
    .where({ unit_id: unit.id, year: input.year, period: input.period })
    .first()
  const now = new Date()
  const note = input.note ?? null
  if (existing) {
    const before = Object.fromEntries(FIGURE_KEYS.map((k) => [k, Number(existing[k])]))
    if (FIGURE_KEYS.every((k) => before[k] === stored[k]) && (existing.note ?? null) === note)
      return false
    await trx
      .from('traditional_figures')
      .where('id', existing.id)
      .update({ ...stored, note, source, recorded_by_id: user.id, updated_at: now })
    await recordAudit(
      {
        actor: user,
        unit: { id: unit.id, path: unit.path },
        action: 'reconciliation.figures_corrected',
        subjectType: 'traditional_figures',
        subjectId: existing.id,
        before: { ...before, note: existing.note ?? null },
        after: { ...stored, note, source, year: input.year, period: input.period },
      },
      trx
    )
    return true
  }
  const [id] = await trx
    .insertQuery()
    .table('traditional_figures')
    .insert({
      unit_id: unit.id,
      unit_path: unit.path,
      year: input.year,
      period: input.period,
      ...stored,
      note,
      source,
      recorded_by_id: user.id,
      created_at: now,
      updated_at: now,
    })
  await recordAudit(
    {
      actor: user,
      unit: { id: unit.id, path: unit.path },
      action: 'reconciliation.figures_recorded',
      subjectType: 'traditional_figures',
      subjectId: Number(id),
      after: { ...stored, note, source, unit: unit.code, year: input.year, period: input.period },
    },
    trx
  )
  return true
}

export class RecordFigures {
  async handle(user: User, unit: Unit, input: FigureInput) {
    authorizeWrite(user, unit)
    const changed = await transaction(async (trx) => {
      authorizeWrite(user, unit)
      await assertFiguresWritable(input.year, input.period, trx)
      return upsertFigures(trx, user, unit, input, 'form')
    })
    if (changed) await snapshotAfterWrite([unit], input.year, input.period)
    return changed
  }
}
