/**
 * Public face of the reporting module: the plugin host (definePlugin, registry), the report runner
 * (ComputeReport / OpenCell / ReadList), validation rules and the period helper.
 * A computed form is a plain serialisable object ({ form, unit, period, columns, rows, rules }).
 */
export { definePlugin } from './plugin/define.js'
export { loadPlugins, pluginRegistry, formPlugin, formPlugins } from './plugin/loader.js'
export { validateManifest, HOST_VERSION, KIND_FOLDERS } from './plugin/manifest.js'
export { satisfies } from 'semver'
export type * from './plugin/types.js'
export type { SqlVocabulary } from './services/sql_vocabulary.js'
export { TERMINAL_STATUSES, OPEN_STATUSES, REDUCING_KINDS } from './services/sql_vocabulary.js'
export { periodRange, periodOf } from './services/period.js'
export {
  evaluateRules,
  totalRule,
  checkAcrossPeriods,
  parseSide,
  type CrossPeriodViolation,
} from './services/rules.js'
export { buildContext, defaultLayout, TOTAL_KEY, UNASSIGNED_KEY } from './services/context.js'
export { computeForm, drillDown, type DrillDown } from './services/engine.js'
export { authorizeReport, readsReports, FORM_READER_ROLES } from './services/access.js'
export { ComputeReport, OpenCell, ReadList, type ReportRequest } from './actions/run_report.js'
// Exports (plugins/exports/*): contract, helpers for plugin authors, jobs.
export type * from './exports/types.js'
export { EXPORT_FORMATS } from './exports/types.js'
export { defineExport, exportPluginFor } from './exports/services/exporters.js'
export {
  headerGrid,
  headerRows,
  type HeaderCell,
  type HeaderGrid,
} from './exports/services/header_layout.js'
export { officialHeaderGroups } from './exports/services/official_headers.js'
export {
  MIME,
  lang,
  formTitle,
  dayText,
  periodLine,
  signedOn,
  measureLine,
  cellNumber,
  cellText,
  listCell,
  exportFileName,
} from './exports/services/document.js'
export { htmlToPdf, closePdfBrowser, chromiumPath } from './exports/services/pdf_browser.js'
export { renderComputedForm } from './exports/services/render_snapshot.js'
export { CheckAcrossPeriods, type AcrossPeriodsResult } from './actions/check_across_periods.js'
// Reconciliation with the paper reports and completeness monitoring (SPEC §9).
export {
  compareUnit,
  type Comparison,
  type ComparisonRow,
} from './reconciliation/services/compare.js'
export { snapshotAll } from './reconciliation/actions/take_snapshots.js'
export { FIGURE_KEYS, INDICATOR_COLUMNS, MONEY_DIVISOR } from './reconciliation/indicators.js'
export { completeness } from './completeness/services/completeness.js'
// Scheduled summaries: other report kinds (reconciliation, completeness …) plug in here.
export {
  registerSendable,
  sendable,
  sendables,
  type Sendable,
  type SendRequest,
  type SentFile,
  type SendUnit,
} from './schedules/services/sendables.js'
