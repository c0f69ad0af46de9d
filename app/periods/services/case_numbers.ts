/**
 * Past-period edit requests name their cases by decision number as people know them ("12/QĐ-THADS", with the
 * year when the number recurs: "12/QĐ-THADS (2025)"), never by internal id. Resolved within the unit asked for.
 */
import db from '@adonisjs/lucid/services/db'
import { RuleViolation } from '#core'

/** "12/QĐ-THADS (2025); 15/QĐ-THADS" → [{ number, year? }]. */
export function parseCaseNumbers(text: string | null | undefined) {
  return (text ?? '')
    .split(/[;\n]+|,(?=\s*\d+\/)/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((token) => {
      const m = token.match(/^(.*?)\s*(?:\((\d{4})\)|-\s*(\d{4}))$/)
      return m
        ? { number: m[1].trim(), year: Number(m[2] ?? m[3]), raw: token }
        : { number: token, year: null, raw: token }
    })
}

export async function resolveCaseNumbers(
  unitId: number,
  text: string | null | undefined
): Promise<number[]> {
  const wanted = parseCaseNumbers(text)
  if (wanted.length === 0) return []
  const rows = await db
    .from('cases')
    .where('unit_id', unitId)
    .whereIn('number', [...new Set(wanted.map((w) => w.number))])
    .select('id', 'number', 'year')
  const ids: number[] = []
  for (const w of wanted) {
    const found = rows.filter(
      (r) => r.number === w.number && (w.year === null || Number(r.year) === w.year)
    )
    if (found.length === 0)
      throw new RuleViolation('ui.errors.case_number_unknown', {
        number: w.raw,
        field: 'case_numbers',
      })
    if (found.length > 1)
      throw new RuleViolation('ui.errors.case_number_ambiguous', {
        number: w.raw,
        years: found.map((r) => r.year).join(', '),
        field: 'case_numbers',
      })
    ids.push(Number(found[0].id))
  }
  return [...new Set(ids)]
}

/** id → "number (year)" for showing requests. */
export async function caseNumbersOf(ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .from('cases')
    .whereIn('id', [...new Set(ids)])
    .select('id', 'number', 'year')
  return new Map(rows.map((r) => [Number(r.id), r.number ? `${r.number} (${r.year})` : `#${r.id}`]))
}
