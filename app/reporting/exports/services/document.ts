/**
 * What every official export prints the same way: the form number and title split from the manifest title,
 * the period line ("Kỳ báo cáo: 6 tháng, từ 01/10/2025 đến 31/03/2026"), the unit of measure, displayed
 * values (money in thousands for form 07), list cells (statuses and entry kinds in words), file names.
 */
import type { ColumnSpec, ComputedForm, Localized, Period } from '../../plugin/types.js'
import { formatNumber } from '../../services/presenter.js'
import type { ExportFormat, ListColumn, Translate } from '../types.js'

export const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
}

export const lang = (l: Localized, locale: string) => (locale === 'en' ? l.en : l.vi)

/** "Biểu số 06/TK-THA: Kết quả …" → { formNo: '06/TK-THA', name: 'Kết quả …' }; other titles have no number. */
export function formTitle(
  title: Localized,
  locale: string
): { formNo: string | null; name: string } {
  const text = lang(title, locale)
  const match = /^(?:Biểu số|Form)\s+([^:]+):\s*(.+)$/i.exec(text)
  return match ? { formNo: match[1].trim(), name: match[2].trim() } : { formNo: null, name: text }
}

/** ISO day → dd/mm/yyyy. */
export function dayText(iso: string | null | undefined): string {
  if (!iso) return ''
  const [y, m, d] = String(iso).slice(0, 10).split('-')
  return d && m && y ? `${d}/${m}/${y}` : String(iso)
}

export function periodLine(period: Period, t: Translate): string {
  return t('exports.period_line', {
    n: period.n,
    start: dayText(period.start),
    end: dayText(period.end),
    year: period.year,
  })
}

/** "ngày 23 tháng 11 năm 2026" / "23/11/2026". */
export function signedOn(issuedOn: string, t: Translate): string {
  const [y, m, d] = issuedOn.split('-')
  return t('exports.signed_on', { d, m, y })
}

export function measureLine(form: ComputedForm, divisor: number, t: Translate): string {
  const units = new Set(form.columns.map((c) => c.unit).filter((u) => u !== 'percent'))
  if (units.has('vnd'))
    return t(divisor === 1000 ? 'exports.measure_thousands' : 'exports.measure_vnd')
  return t('exports.measure_cases')
}

/** The number a cell holds in an export: money divided by the display divisor (exact, not rounded). */
export function cellNumber(
  column: Pick<ColumnSpec, 'unit'>,
  value: number | null | undefined,
  divisor: number
): number | null {
  if (value === null || value === undefined) return null
  return column.unit === 'vnd' && divisor !== 1 ? value / divisor : value
}

/** The text a cell shows (as on the page): money rounded in its display unit, ratios with 2 decimals, "—" for none. */
export function cellText(
  column: Pick<ColumnSpec, 'unit'>,
  value: number | null | undefined,
  divisor: number,
  locale: string
): string {
  if (value === null || value === undefined) return '—'
  if (column.unit === 'percent') return formatNumber(value, locale, 2)
  if (column.unit === 'vnd') return formatNumber(Math.round(value / divisor), locale)
  return formatNumber(value, locale)
}

/** A list cell as a spreadsheet / CSV value: numbers stay numbers, codes become words, days dd/mm/yyyy. */
/**
 * Labels of a long list, translated once per export rather than once per row (a status, a kind: a handful of
 * keys; the i18n formatter costs tens of µs a call, as much as exceljs writing the row).
 */
const labelCache = new WeakMap<Translate, Map<string, string>>()
function label(t: Translate, key: string): string {
  let cache = labelCache.get(t)
  if (!cache) labelCache.set(t, (cache = new Map()))
  let text = cache.get(key)
  if (text === undefined) cache.set(key, (text = t(key)))
  return text
}

export function listCell(column: ListColumn, value: unknown, t: Translate): string | number | null {
  if (value === null || value === undefined || value === '') return null
  if (column.unit === 'vnd' || column.unit === 'percent' || typeof value === 'number')
    return Number(value)
  switch (column.format) {
    case 'status':
      return label(t, `reporting.status.${value}`)
    case 'kind':
      return label(t, `reporting.kind.${value}`)
    case 'date':
      return dayText(String(value))
    case 'bool':
      return label(t, value ? 'exports.yes' : 'exports.no')
    default:
      return String(value)
  }
}

/** ASCII file name: form-06-cases_T01_2026-06.xlsx (+ a suffix for lists and cells). */
export function exportFileName(
  formId: string,
  unitCode: string,
  period: Period,
  format: ExportFormat,
  suffix = ''
): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-')
  return `${safe(formId)}_${safe(unitCode)}_${period.year}-${String(period.n).padStart(2, '0')}${suffix ? `_${safe(suffix)}` : ''}.${format}`
}
