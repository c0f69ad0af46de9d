/**
 * What the snapshot page shows: the submitted table in the reader's language and number style, with the cells
 * that changed since (when compared) highlighted as "old → new".
 */
import { formPlugin, type ComputedForm } from '#reporting'
import type { CellChange } from './submission_diff.js'

type Column = ComputedForm['columns'][number]

function fmt(
  value: number | null | undefined,
  column: Column,
  locale: string,
  divisor: number
): string {
  if (value === null || value === undefined) return '—'
  const decimals = column.unit === 'percent' ? 2 : 0
  const shown = column.unit === 'vnd' ? Math.round(value / divisor) : value
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'vi-VN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(shown)
}

/** Money forms declare a display divisor (form 07: thousands of VND). */
export function displayDivisor(formId: string): number {
  const def = formPlugin(formId)?.definition as { displayDivisor?: number } | undefined
  return def?.displayDivisor ?? 1
}

export function presentSnapshot(form: ComputedForm, locale: string, changes: CellChange[] | null) {
  const lang = (l: { vi: string; en: string }) => (locale === 'en' ? l.en : l.vi)
  const divisor = displayDivisor(form.form.id)
  const changed = new Map((changes ?? []).map((c) => [`${c.row}:${c.column}`, c]))
  const column = (key: string) => form.columns.find((c) => c.key === key)!
  return {
    title: lang(form.form.title),
    divisor,
    columns: form.columns.map((c) => ({ key: c.key, no: c.no, text: lang(c.label) })),
    rows: form.rows.map((row) => ({
      key: row.key,
      kind: row.kind,
      label: lang(row.label),
      cells: form.columns.map((c) => {
        const change = changed.get(`${row.key}:${c.key}`)
        return {
          key: c.key,
          text: fmt(row.values[c.key], c, locale, divisor),
          changed: !!change,
          after: change ? fmt(change.after, c, locale, divisor) : null,
        }
      }),
    })),
    changes: (changes ?? []).map((c) => ({
      ...c,
      rowText: lang(c.rowLabel),
      columnText: lang(column(c.column).label),
      beforeText: fmt(c.before, column(c.column), locale, divisor),
      afterText: fmt(c.after, column(c.column), locale, divisor),
    })),
    violations: form.rules
      .filter((r) => !r.passed)
      .map((r) => ({
        ...r,
        rowText: lang(form.rows.find((x) => x.key === r.row)?.label ?? { vi: '', en: '' }),
      })),
  }
}
