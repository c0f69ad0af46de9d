/**
 * Validation rules of a form: identities `left op right` over the cells of one row, where each side is a
 * signed sum of column numbers ("1 - 4 - 5"). Evaluated on every row of every computed form; the
 * cross-period check compares the same form over the periods of a year and the previous year's period 12.
 */
import type {
  ColumnSpec,
  ComputedForm,
  ComputedRow,
  CrossPeriodSpec,
  RuleResult,
  RuleSpec,
} from '../plugin/types.js'

type Term = { sign: 1 | -1; no: number }

export function parseSide(side: string): Term[] {
  const text = side.replace(/\s+/g, '')
  if (!/^[+-]?\d+([+-]\d+)*$/.test(text)) throw new Error(`Cannot parse rule side "${side}"`)
  return [...text.matchAll(/([+-]?)(\d+)/g)].map((m) => ({
    sign: m[1] === '-' ? -1 : 1,
    no: Number(m[2]),
  }))
}

/** Throws when a rule names a column the form does not have or uses an unknown operator. */
export function checkRules(rules: RuleSpec[], columns: ColumnSpec[]) {
  const byNo = new Set(columns.map((c) => c.no))
  const ids = new Set<string>()
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`)
    ids.add(rule.id)
    if (!['=', '<=', '>='].includes(rule.op))
      throw new Error(`rule ${rule.id}: unknown operator ${rule.op}`)
    for (const t of [...parseSide(rule.left), ...parseSide(rule.right)]) {
      if (!byNo.has(t.no)) throw new Error(`rule ${rule.id}: no column ${t.no}`)
    }
  }
}

function sideValue(terms: Term[], row: ComputedRow, keyOf: Map<number, string>): number {
  return terms.reduce((sum, t) => sum + t.sign * Number(row.values[keyOf.get(t.no)!] ?? 0), 0)
}

export function evaluateRules(
  rules: RuleSpec[],
  columns: Pick<ColumnSpec, 'key' | 'no'>[],
  rows: ComputedRow[]
): RuleResult[] {
  const keyOf = new Map(columns.map((c) => [c.no, c.key]))
  const results: RuleResult[] = []
  for (const rule of rules) {
    const left = parseSide(rule.left)
    const right = parseSide(rule.right)
    const cells = [...left, ...right].map((t) => keyOf.get(t.no)!)
    for (const row of rows) {
      const l = sideValue(left, row, keyOf)
      const r = sideValue(right, row, keyOf)
      const passed = rule.op === '=' ? l === r : rule.op === '<=' ? l <= r : l >= r
      results.push({
        rule: rule.id,
        row: row.key,
        passed,
        left: l,
        right: r,
        cells,
        importance: rule.importance,
      })
    }
  }
  return results
}

/** The host's own rule on every table: the total row equals the sum of the other rows, column by column. */
export function totalRule(
  columns: Pick<ColumnSpec, 'key' | 'unit'>[],
  rows: ComputedRow[]
): RuleResult[] {
  const total = rows.find((r) => r.kind === 'total')
  if (!total) return []
  const parts = rows.filter((r) => r.kind !== 'total')
  return columns
    .filter((c) => c.unit !== 'percent')
    .map((c) => {
      const sum = parts.reduce((s, r) => s + Number(r.values[c.key] ?? 0), 0)
      const value = Number(total.values[c.key] ?? 0)
      return {
        rule: 'total_is_sum',
        row: total.key,
        passed: sum === value,
        left: value,
        right: sum,
        cells: [c.key],
        importance: 'error' as const,
      }
    })
}

export interface CrossPeriodViolation {
  rule: 'opening_constant' | 'opening_equals_previous_closing' | 'flow_never_decreases'
  row: number
  column: string
  period: number
  expected: number
  actual: number
  importance: 'error' | 'warning'
}

/**
 * Cross-period rules (SPEC §5) over `forms` = the same form, unit and year for consecutive periods (any subset,
 * sorted here), with `previousYear` = period 12 of the year before (optional). Officer rows are skipped: an
 * officer's cases move with reassignments, so only unit rows and totals must carry over.
 */
export function checkAcrossPeriods(
  spec: CrossPeriodSpec,
  forms: ComputedForm[],
  previousYear?: ComputedForm | null
): CrossPeriodViolation[] {
  const violations: CrossPeriodViolation[] = []
  const sorted = [...forms].sort((a, b) => a.period.n - b.period.n)
  if (!sorted.length) return violations
  const keyOf = new Map(sorted[0].columns.map((c) => [String(c.no), c.key]))
  const col = (no: string) => keyOf.get(no) ?? no
  const stable = (f: ComputedForm) =>
    f.rows.filter((r) => r.kind !== 'officer' && r.kind !== 'unassigned')
  const find = (f: ComputedForm, key: number) => f.rows.find((r) => r.key === key)
  const num = (row: ComputedRow | undefined, key: string) => Number(row?.values[key] ?? 0)

  const first = sorted[0]
  for (const row of stable(first)) {
    const opening = col(spec.opening)
    for (const f of sorted.slice(1)) {
      const other = find(f, row.key)
      if (num(other, opening) !== num(row, opening)) {
        violations.push({
          rule: 'opening_constant',
          row: row.key,
          column: opening,
          period: f.period.n,
          expected: num(row, opening),
          actual: num(other, opening),
          importance: 'error',
        })
      }
    }
    if (previousYear) {
      const closing = find(previousYear, row.key)
      if (num(closing, col(spec.closing)) !== num(row, opening)) {
        violations.push({
          rule: 'opening_equals_previous_closing',
          row: row.key,
          column: opening,
          period: first.period.n,
          expected: num(closing, col(spec.closing)),
          actual: num(row, opening),
          importance: 'error',
        })
      }
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    for (const row of stable(sorted[i])) {
      const before = find(sorted[i - 1], row.key)
      for (const flow of [...spec.flows, ...(spec.softFlows ?? [])].map(col)) {
        if (num(row, flow) < num(before, flow)) {
          const importance = (spec.softFlows ?? []).map(col).includes(flow) ? 'warning' : 'error'
          violations.push({
            rule: 'flow_never_decreases',
            row: row.key,
            column: flow,
            period: sorted[i].period.n,
            expected: num(before, flow),
            actual: num(row, flow),
            importance,
          })
        }
      }
    }
  }
  return violations
}
