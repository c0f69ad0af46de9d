/**
 * What changed since a form was submitted: the snapshot against the same form computed now, cell by cell.
 * Rows are matched by key and columns by key; a row missing on one side counts as empty (null) there.
 */
import type { ComputedForm } from '#reporting'

export interface CellChange {
  row: number
  rowLabel: { vi: string; en: string }
  column: string
  no: number
  before: number | null
  after: number | null
}

export function diffForms(snapshot: ComputedForm, current: ComputedForm): CellChange[] {
  const now = new Map(current.rows.map((r) => [r.key, r]))
  const then = new Map(snapshot.rows.map((r) => [r.key, r]))
  // An officer's own row is compared alone; a whole report also shows rows that appeared since.
  const keys = [...then.keys()]
  if (snapshot.officerId === null) for (const key of now.keys()) if (!then.has(key)) keys.push(key)
  const changes: CellChange[] = []
  for (const key of keys) {
    const before = then.get(key)
    const after = now.get(key)
    for (const column of snapshot.columns) {
      const a = before?.values[column.key] ?? null
      const b = after?.values[column.key] ?? null
      if (a !== b)
        changes.push({
          row: key,
          rowLabel: (before ?? after)!.label,
          column: column.key,
          no: column.no,
          before: a,
          after: b,
        })
    }
  }
  return changes
}
