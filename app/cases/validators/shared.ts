import vine from '@vinejs/vine'
import { labelledMessages, vndAmount } from '#core'
import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'

/** ISO day (YYYY-MM-DD) kept as a string: effective dates are never shifted through a time zone. */
export const isoDay = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)

/**
 * Integer VND; the upper bound keeps every sum a safe JS integer. Only a JSON integer or a string of digits is
 * accepted (no `true`, `[1000]`, `"1e3"`, `" 1000 "`): see `vndAmount` in #core.
 */
export const vnd = () => vndAmount({ min: -1e15, max: 1e15 })
/** A strictly positive amount (obligations of a decision). */
export const positiveVnd = () => vndAmount({ min: 1, max: 1e15 })

/**
 * Validation messages in the user's language, with this module's field labels (cases.fields.*) laid over
 * the shared validator messages, so forms never show raw field names.
 */
export function casesMessages(i18n: I18n): MessagesProviderContact {
  return labelledMessages(i18n, ['cases'])
}

/** HTML forms send '' for untouched inputs: drop them so optional fields are simply absent. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (v === '' || v === null || v === undefined) continue
      out[k] = compact(v)
    }
    return out as T
  }
  return value
}
