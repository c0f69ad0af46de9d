/**
 * Turns a computed form into what a page shows: localized labels, cells formatted in the Vietnamese style
 * (money in thousands when the form says so, "—" for an undefined ratio), violated cells flagged and links
 * to the drill-down of every stored cell.
 */
import type { ComputedForm, FormDefinition } from '../plugin/types.js'

export function formatNumber(value: number, locale: string, decimals = 0) {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'vi-VN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value)
}

export function presentForm(
  form: ComputedForm,
  def: FormDefinition,
  locale: string,
  cellUrl: (row: number, col: string) => string
) {
  const lang = (l: { vi: string; en: string }) => (locale === 'en' ? l.en : l.vi)
  const divisor = 'displayDivisor' in def && def.displayDivisor ? def.displayDivisor : 1
  const drillable = def.type !== 'custom' && def.type !== 'list'
  const violated = new Set(
    form.rules.filter((r) => !r.passed).flatMap((r) => r.cells.map((c) => `${r.row}:${c}`))
  )
  return {
    title: lang(form.form.title),
    divisor,
    columns: form.columns.map((c) => ({ ...c, text: lang(c.label) })),
    rows: form.rows.map((row) => ({
      key: row.key,
      kind: row.kind,
      label: lang(row.label),
      unitCode: row.unitCode,
      cells: form.columns.map((c) => {
        const value = row.values[c.key]
        const text =
          value === null || value === undefined
            ? '—'
            : c.unit === 'percent'
              ? formatNumber(value, locale, 2)
              : c.unit === 'vnd'
                ? formatNumber(Math.round(value / divisor), locale)
                : formatNumber(value, locale)
        return {
          key: c.key,
          text,
          exact: c.unit === 'vnd' ? `${formatNumber(value ?? 0, locale)} đ` : null,
          href: drillable && c.unit !== 'percent' ? cellUrl(row.key, c.key) : null,
          violated: violated.has(`${row.key}:${c.key}`),
        }
      }),
    })),
    rules: form.rules.map((r) => ({
      ...r,
      rowLabel: lang(form.rows.find((x) => x.key === r.row)?.label ?? { vi: '', en: '' }),
    })),
    violations: form.rules.filter((r) => !r.passed).length,
  }
}
