/** Shared pieces used by every module. */
export { AccessDenied, RuleViolation } from './errors.js'
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
