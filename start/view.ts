/*
| Edge globals shared by every page: navigation, money and date formatting in the Vietnamese style.
*/
import edge from 'edge.js'
import { DateTime } from 'luxon'
import { navFor, moneyInWords } from '#core'

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
