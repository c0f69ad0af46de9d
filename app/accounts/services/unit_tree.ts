import Unit from '../models/unit.js'
import UnitName from '../models/unit_name.js'

/** Units valid on `day` under (and including) `root`, ordered for a tree display. */
export async function subtreeOn(root: Pick<Unit, 'path'>, day: string): Promise<Unit[]> {
  return Unit.validOn(Unit.query(), day)
    .where('path', 'like', `${root.path}%`)
    .orderBy('depth')
    .orderBy('code')
}

/** The name a unit carried on `day` (falls back to its current name). */
export async function nameOn(unitId: number, day: string): Promise<string | null> {
  const row = await UnitName.query()
    .where('unit_id', unitId)
    .where('valid_from', '<=', day)
    .where((q) => q.whereNull('valid_to').orWhere('valid_to', '>=', day))
    .first()
  if (row) return row.name
  const unit = await Unit.find(unitId)
  return unit?.name ?? null
}

/** Follows successor links to the unit that carries on a closed one's work today. */
export async function currentSuccessor(unit: Unit): Promise<Unit> {
  let current = unit
  const seen = new Set<number>()
  while (current.successorId && !seen.has(current.id)) {
    seen.add(current.id)
    const next = await Unit.find(current.successorId)
    if (!next) break
    current = next
  }
  return current
}
