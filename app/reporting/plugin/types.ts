/**
 * The contract between the host (app/reporting) and a plugin folder. Everything a computed form carries is a
 * plain serialisable object, so exporters, snapshots and the API all consume the same shape.
 */
import type { Logger } from '@adonisjs/core/logger'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { SqlVocabulary } from '../services/sql_vocabulary.js'

export type PluginKind = 'form' | 'export' | 'integration'
export type Localized = { vi: string; en: string }

export interface PluginManifest {
  id: string
  kind: PluginKind
  version: string
  title: Localized
  host: string
  legalBasis: string | null
  validFrom: string | null
  validTo: string | null
}

/** A reporting period of a statistical year (SPEC §4): 1 October of year−1 to the end of the n-th month. */
export interface Period {
  year: number
  n: number
  start: string
  end: string
}

export interface UnitRef {
  id: number
  code: string
  name: string
  path: string
  level: string
  parentId: number | null
}

/** How rows are laid out: per officer of the unit's own office, or per child unit (+ the unit's own office). */
export type RowLayout = 'officer' | 'unit'

export interface RowSpec {
  key: number
  kind: 'officer' | 'unassigned' | 'own' | 'unit' | 'total'
  label: Localized
  /** For unit rows: the unit the row stands for (its own report reproduces the row). */
  unitCode?: string
}

export interface ColumnSpec {
  key: string
  no: number
  label: Localized
  /** cases = a count, vnd = integer VND (a form may display it in thousands), percent = a derived ratio */
  unit: 'cases' | 'vnd' | 'percent'
  /** Human-readable definition shown in the header tooltip and the docs. */
  formula?: string
  /** How a list report shows a raw value (lists only): a case status, an ISO day, a yes/no flag or text. */
  format?: 'status' | 'date' | 'bool' | 'text'
  /** Derived from the other cells of the same row after aggregation (e.g. a ratio); never drillable. */
  derive?: (values: Record<string, number | null>) => number | null
}

export type RuleOp = '=' | '<=' | '>='

/** An identity checked on every row: `left op right`, each side a sum of column numbers, e.g. '6' = '7 + 14'. */
export interface RuleSpec {
  id: string
  left: string
  op: RuleOp
  right: string
  importance: 'error' | 'warning'
  description?: Localized
}

export interface RuleResult {
  rule: string
  row: number
  passed: boolean
  left: number
  right: number
  /** Column keys of the cells involved. */
  cells: string[]
  importance: 'error' | 'warning'
}

export interface ComputedRow {
  key: number
  kind: RowSpec['kind']
  label: Localized
  unitCode?: string
  values: Record<string, number | null>
}

export interface ComputedForm {
  form: {
    id: string
    version: string
    title: Localized
    legalBasis: string | null
    source: 'cases' | 'money' | 'custom'
  }
  unit: Pick<UnitRef, 'id' | 'code' | 'name' | 'level'>
  period: Period
  layout: RowLayout | 'custom'
  /** Set when the reader is an officer who sees only its own row. */
  officerId: number | null
  columns: Omit<ColumnSpec, 'derive'>[]
  rows: ComputedRow[]
  rules: RuleResult[]
  computedAt: string
}

/** Cross-period consistency of a form (SPEC §5): which column opens the year, which closes it, which are flows. */
export interface CrossPeriodSpec {
  opening: string
  closing: string
  flows: string[]
  /** Flows that may legitimately decrease (e.g. money obligations lowered by an amending decision): warnings only. */
  softFlows?: string[]
}

export type QueryBuilder = DatabaseQueryBuilderContract<any>

/**
 * What a plugin may read, already restricted to the reader's jurisdiction and to the requested unit.
 * A plugin never imports the database service itself.
 */
export interface ReportContext {
  unit: UnitRef
  period: Period
  layout: RowLayout
  /** The officer whose own row is all this reader may see, or null. */
  officerId: number | null
  /** Approved cases (alias c) of the unit's subtree (or own office for the officer layout). */
  cases(): QueryBuilder
  /** Status spans (alias s) of those cases. */
  spans(): QueryBuilder
  /** Money entries (alias m) of those cases. */
  money(): QueryBuilder
  /** Officer assignment spans (alias a) of those cases. */
  assignments(): QueryBuilder
  /** Cases (c) joined with their status span at period end (e): one row per case. */
  caseFacts(): QueryBuilder
  /** Money entries (m) joined with their case (c) and its status span at period end (e). */
  moneyFacts(): QueryBuilder
  /** Left-joins onto a query over cases (c) the alias r with `r.remaining` = Remaining(E) of the case (null = 0). */
  joinRemainingAtEnd(query: QueryBuilder): QueryBuilder
  /** SQL fragments over the aliases above, with the period's dates inlined (they are validated ISO days). */
  sql: SqlVocabulary
  /** Rows of the standard layout, and the SQL expression (over c) giving a case's row key. */
  rows: RowSpec[]
  rowKeySql: string
  raw(sql: string, bindings?: any[]): any
  units: {
    byId(id: number): Promise<UnitRef | null>
    children(unitId: number): Promise<UnitRef[]>
  }
  logger: Logger
}

/** A form whose cells are sums over cases (source 'cases': predicates) or money entries (source 'money': amounts). */
export interface MeasureFormDefinition {
  kind: 'form'
  type?: 'measures'
  source: 'cases' | 'money'
  columns: ColumnSpec[]
  rules?: RuleSpec[]
  crossPeriod?: CrossPeriodSpec
  /** Column key → SQL: a predicate over (c, e) for 'cases', an integer amount over (m, c, e) for 'money'. */
  measures(sql: SqlVocabulary, ctx: ReportContext): Record<string, string>
  /** Display divisor for money (1000 = shown in thousands of VND). */
  displayDivisor?: number
}

/** A free-form table: the plugin computes its rows itself (still with SQL aggregates through ctx). */
export interface CustomFormDefinition {
  kind: 'form'
  type: 'custom'
  columns: ColumnSpec[]
  rules?: RuleSpec[]
  compute(ctx: ReportContext): Promise<ComputedRow[]>
}

/** A paged list (e.g. unexecuted cases): one row per case. */
export interface ListReportDefinition {
  kind: 'form'
  type: 'list'
  columns: ColumnSpec[]
  /**
   * One page: by number (`page`, the screen) or, when `after` is given, the rows after that keyset cursor (a
   * string the plugin returned as `next`; exports stream this way). `withTotal: false` skips the count.
   * `stream: true` (exports): the whole list is wanted, in any stable order — a plugin may then walk the cases
   * by id, so that its per-row lookups (status spans, money, both keyed by case id) read their indexes in
   * order instead of at random; the rows and figures are the same.
   */
  list(
    ctx: ReportContext,
    page: {
      page: number
      perPage: number
      after?: string | null
      withTotal?: boolean
      stream?: boolean
    }
  ): Promise<{ rows: Record<string, unknown>[]; total: number; next?: string | null }>
}

export interface ExportPluginDefinition {
  kind: 'export'
  formats: string[]
  render(form: ComputedForm, options: { locale: string }): Promise<Buffer | string>
}

export interface IntegrationPluginDefinition {
  kind: 'integration'
  [key: string]: unknown
}

export type FormDefinition = MeasureFormDefinition | CustomFormDefinition | ListReportDefinition
export type PluginDefinition = FormDefinition | ExportPluginDefinition | IntegrationPluginDefinition

export interface LoadedPlugin {
  id: string
  kind: PluginKind | null
  dir: string
  manifest: PluginManifest | null
  definition: PluginDefinition | null
  status: 'loaded' | 'failed'
  error: string | null
}
