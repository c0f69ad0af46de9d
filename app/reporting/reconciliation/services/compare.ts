/**
 * The comparison of CV 2352's annex for one unit U, statistical year and period: one row per child unit (and U's
 * own office), plus U's total — traditional (paper) figures, software figures, difference = traditional − software.
 *
 * Software figures come from the form plugins themselves (forms 06 and 07 through the reporting engine, per-unit
 * layout): one GROUP BY per form for the whole level, never a per-unit loop. Paper figures are summed per row with
 * one GROUP BY over the same child-path ranges (childKeySql), so a province row in the national view adds up the
 * province's own report and its districts'. Nothing is cached: each request computes once, at the level asked
 * (`computedAt` is shown on the page).
 */
import db from '@adonisjs/lucid/services/db'
import {
  buildContext,
  childKeySql,
  pathRange,
  TOTAL_KEY,
  unitChildren,
} from '../../services/context.js'
import { computeForm } from '../../services/engine.js'
import { periodRange } from '../../services/period.js'
import { formPlugin } from '../../plugin/loader.js'
import type { UnitRef } from '../../plugin/types.js'
import {
  FIGURE_KEYS,
  FORM_CODES,
  FORM_PLUGIN,
  INDICATOR_COLUMNS,
  isMoney,
  MONEY_DIVISOR,
  type FigureKey,
} from '../indicators.js'
import { dueFor, planFor, type Plan } from './plan.js'

export type RowStatus = 'consistent' | 'incomplete' | 'missing'

export interface ComparisonRow {
  key: number
  kind: 'own' | 'unit' | 'total'
  unitId: number | null
  code: string | null
  name: string
  /** Paper figures (money in thousands of VND); null when no unit of the row reported. */
  traditional: Record<FigureKey, number> | null
  software: Record<FigureKey, number>
  diff: Record<FigureKey, number> | null
  /** Units of the row that have a paper report / units expected to have one. */
  reported: number
  units: number
  status: RowStatus
  /** Form 06 column 1: paper − software (the dossiers missing from the software). */
  gap: number | null
  /** Σ |difference| over the six case indicators. */
  absSum: number | null
  due: string | null
}

export interface Comparison {
  unit: UnitRef
  year: number
  period: number
  range: { start: string; end: string }
  plan: Plan
  rows: ComparisonRow[]
  total: ComparisonRow
  computedAt: string
}

const REPORTING_LEVELS = ['national', 'province', 'district', 'regional']

function zero(): Record<FigureKey, number> {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Record<FigureKey, number>
}

async function softwareByRow(unit: UnitRef, year: number, n: number) {
  const period = periodRange(year, n)
  const ctx = await buildContext({ unit, period, layout: 'unit', officerId: null })
  const byRow = new Map<number, Record<FigureKey, number>>()
  for (const f of FORM_CODES) {
    const plugin = formPlugin(FORM_PLUGIN[f])
    if (!plugin) throw new Error(`form plugin ${FORM_PLUGIN[f]} is not loaded`)
    const form = await computeForm(plugin.manifest, plugin.definition, ctx)
    for (const row of form.rows) {
      const values = byRow.get(row.key) ?? zero()
      for (const c of INDICATOR_COLUMNS) {
        const v = Number(row.values[c] ?? 0)
        values[`f${f}_${c}`] = f === '07' ? Math.round(v / MONEY_DIVISOR) : v
      }
      byRow.set(row.key, values)
    }
  }
  return { byRow, labels: ctx.rows }
}

async function paperByRow(unit: UnitRef, children: UnitRef[], year: number, n: number) {
  const [from, to] = pathRange(unit.path)
  const key = (col: string) => childKeySql(col, children, unit.id)
  const sums = FIGURE_KEYS.map((k) => `COALESCE(SUM(t.${k}), 0) AS ${k}`).join(', ')
  const figures = await db
    .from('traditional_figures as t')
    .where('t.year', year)
    .where('t.period', n)
    .where('t.unit_path', '>=', from)
    .where('t.unit_path', '<', to)
    .select(db.raw(`${key('t.unit_path')} AS row_key, COUNT(*) AS reported, ${sums}`))
    .groupByRaw('row_key')
  const expected = await db
    .from('units as u')
    .where('u.path', '>=', from)
    .where('u.path', '<', to)
    .whereIn(
      'u.level',
      REPORTING_LEVELS.filter((l) => l !== 'national')
    )
    .whereNull('u.valid_to')
    .select(db.raw(`${key('u.path')} AS row_key, COUNT(*) AS n`))
    .groupByRaw('row_key')
  const paper = new Map<number, { reported: number; values: Record<FigureKey, number> }>()
  for (const r of figures) {
    const values = zero()
    for (const k of FIGURE_KEYS)
      values[k] = isMoney(k) ? Math.round(Number(r[k]) / MONEY_DIVISOR) : Number(r[k])
    paper.set(Number(r.row_key), { reported: Number(r.reported), values })
  }
  return { paper, expected: new Map(expected.map((r: any) => [Number(r.row_key), Number(r.n)])) }
}

/** Status of a row: consistent when every difference is within the national tolerance and all units reported. */
export function rowStatus(
  diff: Record<FigureKey, number> | null,
  reported: number,
  units: number,
  plan: Pick<Plan, 'toleranceCases' | 'toleranceMoney'>
): RowStatus {
  if (!diff || reported === 0) return 'missing'
  const within = FIGURE_KEYS.every(
    (k) => Math.abs(diff[k]) <= (isMoney(k) ? plan.toleranceMoney : plan.toleranceCases)
  )
  return within && reported >= units ? 'consistent' : 'incomplete'
}

function makeRow(
  base: Pick<ComparisonRow, 'key' | 'kind' | 'unitId' | 'code' | 'name'>,
  software: Record<FigureKey, number>,
  paper: { reported: number; values: Record<FigureKey, number> } | undefined,
  units: number,
  plan: Plan
): ComparisonRow {
  const traditional = paper ? paper.values : null
  const diff = traditional
    ? (Object.fromEntries(FIGURE_KEYS.map((k) => [k, traditional[k] - software[k]])) as Record<
        FigureKey,
        number
      >)
    : null
  const status = rowStatus(diff, paper?.reported ?? 0, units, plan)
  const gap = diff ? diff.f06_c1 : null
  return {
    ...base,
    traditional,
    software,
    diff,
    reported: paper?.reported ?? 0,
    units,
    status,
    gap,
    absSum: diff ? INDICATOR_COLUMNS.reduce((s, c) => s + Math.abs(diff[`f06_${c}`]), 0) : null,
    due: status === 'incomplete' && gap !== null ? dueFor(plan, gap) : null,
  }
}

export async function compareUnit(
  unit: UnitRef,
  year: number,
  n: number,
  options: { sort?: 'gap' | 'code' } = {}
): Promise<Comparison> {
  const plan = await planFor(year)
  const children = await unitChildren(unit.id)
  const [{ byRow, labels }, { paper, expected }] = await Promise.all([
    softwareByRow(unit, year, n),
    paperByRow(unit, children, year, n),
  ])
  const codes = new Map<number, string>([
    [unit.id, unit.code],
    ...children.map((c) => [c.id, c.code] as [number, string]),
  ])
  const rows: ComparisonRow[] = []
  let total: ComparisonRow | null = null
  const totalPaper = { reported: 0, values: zero() }
  for (const p of paper.values()) {
    totalPaper.reported += p.reported
    for (const k of FIGURE_KEYS) totalPaper.values[k] += p.values[k]
  }
  for (const spec of labels) {
    const software = byRow.get(spec.key) ?? zero()
    if (spec.key === TOTAL_KEY) {
      const units = [...expected.values()].reduce((s, v) => s + v, 0)
      total = makeRow(
        { key: TOTAL_KEY, kind: 'total', unitId: unit.id, code: unit.code, name: spec.label.vi },
        software,
        totalPaper.reported ? totalPaper : undefined,
        units,
        plan
      )
      continue
    }
    const own = spec.kind === 'own'
    const p = paper.get(spec.key)
    // The national office (and any own office with nothing on either side) is not a reporting row.
    if (own && !p && FIGURE_KEYS.every((k) => software[k] === 0)) continue
    rows.push(
      makeRow(
        {
          key: spec.key,
          kind: own ? 'own' : 'unit',
          unitId: spec.key,
          code: codes.get(spec.key) ?? null,
          name: spec.label.vi,
        },
        software,
        p,
        own ? (unit.level === 'national' ? 0 : 1) : (expected.get(spec.key) ?? 1),
        plan
      )
    )
  }
  if (options.sort !== 'code')
    rows.sort(
      (a, b) =>
        Math.abs(b.gap ?? -1) - Math.abs(a.gap ?? -1) ||
        (b.absSum ?? -1) - (a.absSum ?? -1) ||
        String(a.code).localeCompare(String(b.code))
    )
  const range = periodRange(year, n)
  return {
    unit,
    year,
    period: n,
    range: { start: range.start, end: range.end },
    plan,
    rows,
    total: total!,
    computedAt: new Date().toISOString(),
  }
}
