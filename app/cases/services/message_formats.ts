/**
 * How the cases module's refusal messages show their facts: event types and statuses in words, amounts in
 * VND with thousands separators, ISO days as dd/mm/yyyy (SPEC §3 rules; the API keeps the raw `data`).
 */
import { DateTime } from 'luxon'
import { registerPlaceholderFormat, type MessageI18n } from '#core'

const word = (namespace: string) => (value: unknown, i18n: MessageI18n) =>
  i18n.t(`${namespace}.${String(value)}`, {}, String(value))

const money = (value: unknown, i18n: MessageI18n) => {
  const n = Number(value)
  return Number.isFinite(n) ? i18n.formatNumber(n, { maximumFractionDigits: 0 }) : value
}

const isoDay = (value: unknown) => {
  const dt = DateTime.fromISO(String(value))
  return dt.isValid && /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? dt.toFormat('dd/LL/yyyy') : value
}

export function registerCaseMessageFormats() {
  for (const prefix of ['cases.errors.', 'deadlines.errors.', 'attachments.errors.']) {
    registerPlaceholderFormat(prefix, 'event', word('cases.events'))
    registerPlaceholderFormat(prefix, 'status', word('cases.status'))
    registerPlaceholderFormat(prefix, 'remaining', money)
    registerPlaceholderFormat(prefix, 'held', money)
    registerPlaceholderFormat(prefix, 'amount', money)
    registerPlaceholderFormat(prefix, 'date', isoDay)
  }
}
