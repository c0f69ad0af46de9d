/** Shared pieces used by every module. */
export { AccessDenied, RuleViolation, registerRuleFields, ruleFieldOf } from './errors.js'
export { registerDashboardWidget, dashboardFor, type DashboardWidget } from './dashboard.js'
export { toCsv } from './csv.js'
export { registerNavItem, navFor, type NavItem } from './navigation.js'
export { today, setToday, addDays, endOfMonth, APP_ZONE } from './clock.js'
export {
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  holidayName,
  calendarBetween,
  invalidateCalendar,
  calendarChanged,
  onCalendarChanged,
  type Holiday,
} from './calendar.js'
export {
  registerPlaceholderFormat,
  localizeMessageData,
  type MessageI18n,
  type PlaceholderFormat,
} from './messages.js'
export { seededRandom, type SeededRandom } from './random.js'
export {
  transaction,
  writeTransaction,
  withRetry,
  isRetryableWriteError,
  bumpFence,
  writeRetries,
} from './transactions.js'
export { parseAmount, vndAmount } from './amount.js'
export {
  registerPreauthorization,
  preauthorize,
  preauthorizedRoutes,
  preauthorizationKey,
  installPreauthorization,
  type PreauthorizationRule,
} from './preauthorize.js'
export { containsPattern, whereContains, likeClause, LIKE_ESCAPE_CHAR } from './like.js'
export { searchKey, compareVi, sortVi, viSortKey } from './vietnamese.js'
export { moneyInWords } from './money_words.js'
export {
  registerCaseEventListener,
  unregisterCaseEventListener,
  notifyCaseEvent,
  type CaseEventNotice,
  type CaseEventListener,
} from './case_events.js'
export { labelledMessages } from './validation_messages.js'
export {
  registerPeriodicJob,
  periodicJobs,
  runClaimed,
  claimJobRun,
  jobCron,
  startPeriodicJobs,
  stopPeriodicJobs,
  JOB_INSTANCE_ID,
  isDuplicateKey,
  type PeriodicJob,
} from './claimed_runs.js'
export {
  boundedPage,
  boundedPaginate,
  BOUNDED_COUNT_CAP,
  type BoundedPage,
} from './bounded_page.js'
