/*
| Edge globals shared by every page: navigation, money and date formatting in the Vietnamese style.
*/
import edge from 'edge.js'
import { DateTime } from 'luxon'
import { navFor, moneyInWords } from '#core'
import { formPlugin } from '#reporting'

edge.global('navFor', navFor)
edge.global('formatDate', (value: DateTime | string | null | undefined) => {
  if (!value) return '—'
  const dt = typeof value === 'string' ? DateTime.fromISO(value) : value
  return dt.isValid ? dt.toFormat('dd/LL/yyyy') : '—'
})
edge.global('formatDateTime', (value: DateTime | null | undefined) =>
  value ? value.setZone('Asia/Ho_Chi_Minh').toFormat('dd/LL/yyyy HH:mm') : '—'
)
edge.global('formatMoney', (value: number | bigint | null | undefined) =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat('vi-VN').format(value)
)

/** JSON inside <script type="application/json">: `<` escaped so no text can close the element. */
edge.global('toJSONForScript', (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c'))
edge.global('formatChartValue', (value: number | null | undefined, format?: string) => {
  if (value === null || value === undefined) return '—'
  const text = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value)
  return format === 'percent' ? `${text} %` : format === 'money' ? `${text} ₫` : text
})

// Issue 11 (print views): an amount in Vietnamese words, e.g. on receipts and decisions.
edge.global('moneyWords', (value: number | null | undefined) =>
  value === null || value === undefined ? '' : moneyInWords(Number(value))
)

/**
 * Issue 11 (forms keep what was typed): the rows of a repeating form section (parties, obligations). After a
 * refused submit the typed rows (`old(...)`) come back — non-empty ones first, in the order the validator saw
 * them, so an error on `parties.1.name` sits next to row 1 — else the saved rows; then `blanks` empty rows.
 */
edge.global(
  'formRows',
  (typed: unknown, saved: Record<string, unknown>[] | null, keyField: string, blanks = 1) => {
    const asRows = (value: unknown): Record<string, unknown>[] => {
      if (Array.isArray(value)) return value.filter((v) => v && typeof v === 'object')
      if (value && typeof value === 'object')
        return Object.values(value).filter((v) => v && typeof v === 'object') as Record<
          string,
          unknown
        >[]
      return []
    }
    const base =
      typed !== undefined && typed !== null
        ? asRows(typed).filter((r) => String(r[keyField] ?? '').trim() !== '')
        : (saved ?? [])
    return [...base, ...Array.from({ length: Math.max(blanks, base.length ? 1 : 2) }, () => ({}))]
  }
)

// Issue 11: a statistical form by its title in the reader's language, never its plugin id.
edge.global('formName', (id: string, locale = 'vi') => {
  const plugin = formPlugin(id)
  const title = plugin?.manifest?.title as { vi?: string; en?: string } | undefined
  return (locale === 'en' ? title?.en : title?.vi) ?? id
})
