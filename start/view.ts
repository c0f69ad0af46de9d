/*
| Edge globals shared by every page: navigation, money and date formatting in the Vietnamese style.
*/
import edge from 'edge.js'
import { DateTime } from 'luxon'
import { navFor } from '#core'

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
