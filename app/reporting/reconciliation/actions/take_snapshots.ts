/**
 * Gap snapshots (the progress charts): for a unit, year and period, the paper and software totals of form 06
 * column 1 over its subtree, their gap and the sum of absolute differences, one row per day (a later measure the
 * same day replaces the earlier). Taken after paper figures are written (the unit and its ancestors) and by the
 * daily command `reconciliation:snapshot` (every province and district with paper figures, from two comparisons
 * per province — set-based, never per unit).
 */
import db from '@adonisjs/lucid/services/db'
import { today, transaction } from '#core'
import { Unit } from '#accounts'
import { toUnitRef, unitById } from '../../services/context.js'
import type { UnitRef } from '../../plugin/types.js'
import { compareUnit, type ComparisonRow } from '../services/compare.js'

async function store(
  rows: { unit: Pick<UnitRef, 'id' | 'path'>; row: ComparisonRow }[],
  year: number,
  period: number,
  day: string
) {
  const measured = rows.filter((r) => r.row.traditional !== null)
  if (!measured.length) return 0
  const paths = new Map<number, string>(
    (
      await db
        .from('units')
        .whereIn(
          'id',
          measured.map((r) => r.unit.id)
        )
        .select('id', 'path')
    ).map((u: any) => [Number(u.id), String(u.path)])
  )
  await transaction(async (trx) => {
    for (const { unit, row } of measured) {
      await trx
        .from('reconciliation_snapshots')
        .where({ unit_id: unit.id, year, period, taken_on: day })
        .delete()
      await trx
        .insertQuery()
        .table('reconciliation_snapshots')
        .insert({
          unit_id: unit.id,
          unit_path: paths.get(unit.id) ?? unit.path,
          year,
          period,
          taken_on: day,
          traditional: row.traditional!.f06_c1,
          software: row.software.f06_c1,
          gap: row.gap ?? 0,
          abs_sum: row.absSum ?? 0,
          created_at: new Date(),
        })
    }
  })
  return measured.length
}

/**
 * Snapshots `units` and every ancestor below the national level. One comparison per distinct parent (its rows give
 * the children, its total the parent itself), so an import of a whole province costs one comparison, not one per
 * district.
 */
export async function snapshotAfterWrite(units: Unit[], year: number, period: number) {
  const targets = new Map<number, UnitRef>()
  for (const u of units) {
    let ref: UnitRef | null = toUnitRef(u)
    while (ref && ref.level !== 'national' && !targets.has(ref.id)) {
      targets.set(ref.id, ref)
      ref = ref.parentId ? await unitById(ref.parentId) : null
    }
  }
  // Units to compare: every target that is the parent of another target, and every target under the nation.
  const compareIds = new Set<number>()
  for (const t of targets.values()) {
    const parent = t.parentId ? targets.get(t.parentId) : undefined
    compareIds.add(parent ? parent.id : t.id)
  }
  const rows: { unit: Pick<UnitRef, 'id' | 'path'>; row: ComparisonRow }[] = []
  const done = new Set<number>()
  for (const id of compareIds) {
    const comparison = await compareUnit(targets.get(id)!, year, period)
    if (!done.has(id)) rows.push({ unit: targets.get(id)!, row: comparison.total })
    done.add(id)
    for (const row of comparison.rows) {
      if (row.kind !== 'unit' || !targets.has(row.unitId!) || done.has(row.unitId!)) continue
      // A child that has children of its own gets its snapshot from its own comparison.
      if (compareIds.has(row.unitId!)) continue
      rows.push({ unit: targets.get(row.unitId!)!, row })
      done.add(row.unitId!)
    }
  }
  return store(rows, year, period, today())
}

/** The daily job: every province (national comparison) and every district (its province's comparison). */
export async function snapshotAll(year: number, period: number, day = today()) {
  const national = await Unit.query().where('level', 'national').whereNull('valid_to').first()
  if (!national) return 0
  const top = await compareUnit(toUnitRef(national), year, period)
  let count = await store(
    top.rows
      .filter((r) => r.kind === 'unit')
      .map((row) => ({ unit: { id: row.unitId!, path: '' }, row })),
    year,
    period,
    day
  )
  for (const row of top.rows) {
    if (row.kind !== 'unit' || row.traditional === null) continue
    const province = await unitById(row.unitId!)
    if (!province) continue
    const inner = await compareUnit(province, year, period)
    count += await store(
      inner.rows
        .filter((r) => r.kind === 'unit')
        .map((r) => ({ unit: { id: r.unitId!, path: '' }, row: r })),
      year,
      period,
      day
    )
  }
  return count
}
