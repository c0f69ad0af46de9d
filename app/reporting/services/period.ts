/**
 * Reporting periods (SPEC §4): statistical year Y runs 1 October Y−1 to 30 September Y; period n (1..12) covers
 * 1 October to the last day of the n-th month, cumulatively. Local helper until #periods exposes one.
 */
import type { Period } from '../plugin/types.js'

const pad = (n: number) => String(n).padStart(2, '0')

export function periodRange(year: number, n: number): Period {
  if (!Number.isInteger(year) || year < 1900 || year > 2999)
    throw new RangeError(`Bad statistical year ${year}`)
  if (!Number.isInteger(n) || n < 1 || n > 12) throw new RangeError(`Bad period ${n}`)
  const monthIndex = 8 + n // months since January of year−1, 0-based: period 1 ends in October (9)
  const y = year - 1 + Math.floor(monthIndex / 12)
  const month = (monthIndex % 12) + 1
  const lastDay = new Date(Date.UTC(y, month, 0)).getUTCDate()
  return { year, n, start: `${year - 1}-10-01`, end: `${y}-${pad(month)}-${pad(lastDay)}` }
}

/** The statistical year and period that contain an ISO day. */
export function periodOf(day: string): { year: number; n: number } {
  const [y, m] = day.split('-').map(Number)
  return m >= 10 ? { year: y + 1, n: m - 9 } : { year: y, n: m + 3 }
}

/** The day before an ISO day. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}
