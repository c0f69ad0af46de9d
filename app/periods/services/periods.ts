import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { addWorkingDays, endOfMonth } from '#core'
import periodsConfig from '#config/periods'

/**
 * Statistical periods (SPEC §4, TT 06/2019): statistical year Y runs 1 Oct Y−1 … 30 Sep Y; period n (1..12)
 * covers 1 Oct … the last day of the n-th month, cumulatively; period 12 is the year. All dates are ISO days.
 */
export interface PeriodRange {
  year: number
  n: number
  start: string
  end: string
}

const pad = (v: number) => String(v).padStart(2, '0')

/** The statistical year an ISO day belongs to: October–December count towards the next calendar year. */
export function statisticalYearOf(day: string): number {
  const y = Number(day.slice(0, 4))
  return Number(day.slice(5, 7)) >= 10 ? y + 1 : y
}

/** First and last day of statistical year Y. */
export function yearRange(year: number): { start: string; end: string } {
  return { start: `${year - 1}-10-01`, end: `${year}-09-30` }
}

/** The calendar month (YYYY-MM) that ends period n of year Y. */
export function periodMonth(year: number, n: number): string {
  assertPeriod(year, n)
  const month = ((9 + n - 1) % 12) + 1 // n=1 → 10 … n=3 → 12, n=4 → 1 … n=12 → 9
  return `${n <= 3 ? year - 1 : year}-${pad(month)}`
}

export function periodRange(year: number, n: number): PeriodRange {
  const month = periodMonth(year, n)
  return { year, n, start: `${year - 1}-10-01`, end: endOfMonth(`${month}-01`) }
}

/** The period whose last month contains `day` (the monthly report that first counts it). */
export function periodOf(day: string): PeriodRange {
  const year = statisticalYearOf(day)
  const month = Number(day.slice(5, 7))
  const n = month >= 10 ? month - 9 : month + 3
  return periodRange(year, n)
}

/** The 12 periods of a statistical year. */
export function periodsOf(year: number): PeriodRange[] {
  return Array.from({ length: 12 }, (_, i) => periodRange(year, i + 1))
}

/** YYYY-MM of an ISO day. */
export function monthOf(day: string): string {
  return day.slice(0, 7)
}

export function monthRange(month: string): { start: string; end: string } {
  return { start: `${month}-01`, end: endOfMonth(`${month}-01`) }
}

/** Grace after a month's end, in working days (config/periods.ts; SPEC §4 default 1). */
export function graceWorkingDays(): number {
  return periodsConfig.graceWorkingDays
}

/**
 * The last day on which data dated in `day`'s month may still be entered: the month's end plus the grace in
 * working days. From the next day the month is closed ('period_closed').
 */
export async function monthCloseDate(
  day: string,
  grace = graceWorkingDays(),
  client?: QueryClientContract
): Promise<string> {
  return addWorkingDays(endOfMonth(day), grace, client)
}

function assertPeriod(year: number, n: number) {
  if (!Number.isInteger(year) || year < 1900 || year > 9999)
    throw new Error(`Invalid statistical year ${year}`)
  if (!Number.isInteger(n) || n < 1 || n > 12) throw new Error(`Invalid period ${n} (1..12)`)
}
