/**
 * Runs a form plugin: one GROUP BY query for the rows, derived cells, then the plugin's rules and the host's total
 * rule. The total row adds up EVERY group the database returned, displayed or not, so "total = Σ rows" stays a
 * real check (a fact whose row key matches no displayed row breaks it) without a second scan of the facts
 * (docs/performance.md). Drill-down reuses the very measure SQL of a cell, so the listed cases / money entries
 * always add up to the cell.
 */
import { DateTime } from 'luxon'
import { User } from '#accounts'
import type {
  ColumnSpec,
  ComputedForm,
  ComputedRow,
  FormDefinition,
  MeasureFormDefinition,
  PluginManifest,
  ReportContext,
} from '../plugin/types.js'
import { evaluateRules, totalRule } from './rules.js'
import { TOTAL_KEY, UNASSIGNED_KEY } from './context.js'

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v))

function aggregate(def: MeasureFormDefinition, measure: string) {
  return def.source === 'cases'
    ? `COALESCE(SUM(CASE WHEN ${measure} THEN 1 ELSE 0 END), 0)`
    : `COALESCE(SUM(${measure}), 0)`
}

function measureColumns(def: MeasureFormDefinition, ctx: ReportContext) {
  const measures = def.measures(ctx.sql, ctx)
  const stored = def.columns.filter((c) => !c.derive)
  for (const c of stored)
    if (!measures[c.key]) throw new Error(`form has no measure for column ${c.key}`)
  return { measures, stored }
}

export function deriveRow(columns: ColumnSpec[], values: Record<string, number | null>) {
  for (const c of columns) if (c.derive) values[c.key] = c.derive(values)
  return values
}

function facts(def: MeasureFormDefinition, ctx: ReportContext) {
  return def.source === 'cases' ? ctx.caseFacts() : ctx.moneyFacts()
}

/** The query of a measure form: one row per row key (GROUP BY row_key) with every stored column. */
export function measureQuery(def: MeasureFormDefinition, ctx: ReportContext) {
  const { measures, stored } = measureColumns(def, ctx)
  const selects = stored.map((c) => ctx.raw(`${aggregate(def, measures[c.key])} AS ${c.key}`))
  return {
    stored,
    grouped: facts(def, ctx)
      .select(ctx.raw(`${ctx.rowKeySql} AS row_key`), ...selects)
      .groupBy('row_key'),
  }
}

async function computeMeasureRows(
  def: MeasureFormDefinition,
  ctx: ReportContext
): Promise<ComputedRow[]> {
  const { stored, grouped: groupedQuery } = measureQuery(def, ctx)
  const grouped = await groupedQuery
  const byKey = new Map<number, any>(grouped.map((g: any) => [Number(g.row_key), g]))
  // The total over all groups returned (not only the displayed rows), summed exactly in integers.
  const totals = [
    Object.fromEntries(
      stored.map((c) => [c.key, grouped.reduce((sum: number, g: any) => sum + num(g[c.key]), 0)])
    ),
  ]
  const rows = [...ctx.rows]
  // Officers that hold cases at E but are no longer officers of the unit still get their row.
  const missing = [...byKey.keys()].filter(
    (k) => k !== UNASSIGNED_KEY && !rows.some((r) => r.key === k)
  )
  if (missing.length && ctx.layout === 'officer') {
    const users = await User.query().whereIn('id', missing)
    const at = rows.findIndex((r) => r.kind === 'unassigned')
    rows.splice(
      at < 0 ? rows.length : at,
      0,
      ...users.map((u) => ({
        key: u.id,
        kind: 'officer' as const,
        label: { vi: u.fullName, en: u.fullName },
      }))
    )
  }
  return rows.map((spec) => {
    const source = spec.key === TOTAL_KEY ? totals[0] : byKey.get(spec.key)
    const values: Record<string, number | null> = {}
    for (const c of stored) values[c.key] = num(source?.[c.key])
    return {
      key: spec.key,
      kind: spec.kind,
      label: spec.label,
      unitCode: spec.unitCode,
      values: deriveRow(def.columns, values),
    }
  })
}

export async function computeForm(
  manifest: PluginManifest,
  def: FormDefinition,
  ctx: ReportContext
): Promise<ComputedForm> {
  let rows: ComputedRow[]
  if (def.type === 'custom')
    rows = (await def.compute(ctx)).map((r) => ({
      ...r,
      values: deriveRow(def.columns, { ...r.values }),
    }))
  else if (def.type === 'list') throw new Error('a list report is read with listReport()')
  else rows = await computeMeasureRows(def, ctx)
  const rules = [
    ...evaluateRules(def.rules ?? [], def.columns, rows),
    ...totalRule(def.columns, rows),
  ]
  return {
    form: {
      id: manifest.id,
      version: manifest.version,
      title: manifest.title,
      legalBasis: manifest.legalBasis,
      source: def.type === 'custom' ? 'custom' : def.source,
    },
    unit: { id: ctx.unit.id, code: ctx.unit.code, name: ctx.unit.name, level: ctx.unit.level },
    period: ctx.period,
    layout: def.type === 'custom' ? 'custom' : ctx.layout,
    officerId: ctx.officerId,
    columns: def.columns.map(({ derive, ...c }) => c),
    rows,
    rules,
    computedAt: DateTime.utc().toISO()!,
  }
}

export interface DrillDown {
  row: number
  column: string
  source: 'cases' | 'money'
  /** Number of cases (06-like forms) or money entries listed. */
  total: number
  /** The cell value rebuilt from the list: the count for case forms, Σ contribution for money forms. */
  value: number
  page: number
  perPage: number
  items: Record<string, unknown>[]
}

/** The cases or money entries that make the cell (row, column), paged. */
export async function drillDown(
  def: MeasureFormDefinition,
  ctx: ReportContext,
  row: number,
  column: string,
  page: number,
  perPage: number
): Promise<DrillDown> {
  const { measures, stored } = measureColumns(def, ctx)
  if (!stored.some((c) => c.key === column)) throw new Error(`column ${column} cannot be opened`)
  const measure = measures[column]
  const base = () => {
    const q = facts(def, ctx)
    if (row !== TOTAL_KEY) q.whereRaw(`${ctx.rowKeySql} = ?`, [row])
    return def.source === 'cases' ? q.whereRaw(`(${measure})`) : q.whereRaw(`(${measure}) <> 0`)
  }
  const summary = await base().select(
    ctx.raw(
      def.source === 'cases'
        ? 'COUNT(*) AS n, COUNT(*) AS v'
        : `COUNT(*) AS n, COALESCE(SUM(${measure}), 0) AS v`
    )
  )
  const list = base()
    .join('units as u', 'u.id', 'c.unit_id')
    .select(
      'c.id as case_id',
      'c.number',
      'c.decision_date',
      'c.origin',
      'c.credit_institution',
      'c.area',
      'u.code as unit_code',
      'u.name as unit_name',
      ctx.raw(`${ctx.sql.status} AS status_at_end`),
      ctx.raw(`${ctx.rowKeySql} AS row_key`)
    )
  if (def.source === 'money') {
    list.select(
      'm.id as entry_id',
      'm.kind',
      'm.amount',
      'm.effective_date',
      'm.receipt_number',
      ctx.raw(`(${measure}) AS contribution`)
    )
    list.orderBy('m.effective_date').orderBy('m.id')
  } else {
    list.orderBy('c.decision_date').orderBy('c.id')
  }
  const items = await list.offset((page - 1) * perPage).limit(perPage)
  for (const item of items) {
    for (const k of ['amount', 'contribution', 'row_key']) if (k in item) item[k] = Number(item[k])
    item.credit_institution = Boolean(item.credit_institution)
  }
  return {
    row,
    column,
    source: def.source,
    total: num(summary[0]?.n),
    value: num(summary[0]?.v),
    page,
    perPage,
    items,
  }
}
