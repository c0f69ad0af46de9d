/**
 * Public face of the reporting module: the plugin host (definePlugin, registry), the report runner
 * (ComputeReport / OpenCell / ReadList), validation rules and the period helper.
 * A computed form is a plain serialisable object ({ form, unit, period, columns, rows, rules }).
 */
export { definePlugin } from './plugin/define.js'
export { loadPlugins, pluginRegistry, formPlugin, formPlugins } from './plugin/loader.js'
export { validateManifest, HOST_VERSION, KIND_FOLDERS } from './plugin/manifest.js'
export { satisfies } from './plugin/semver.js'
export type * from './plugin/types.js'
export type { SqlVocabulary } from './services/sql_vocabulary.js'
export { TERMINAL_STATUSES, OPEN_STATUSES, REDUCING_KINDS } from './services/sql_vocabulary.js'
export { periodRange, periodOf } from './services/period.js'
export { evaluateRules, totalRule, checkAcrossPeriods, parseSide, type CrossPeriodViolation } from './services/rules.js'
export { buildContext, defaultLayout, TOTAL_KEY, UNASSIGNED_KEY } from './services/context.js'
export { computeForm, drillDown, type DrillDown } from './services/engine.js'
export { authorizeReport, readsReports, FORM_READER_ROLES } from './services/access.js'
export { ComputeReport, OpenCell, ReadList, type ReportRequest } from './actions/run_report.js'
