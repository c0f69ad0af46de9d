/**
 * Which reporting period a run covers, from the day it runs (Vietnam time). Periods are those of SPEC §4
 * (statistical year from 1 October, period n = cumulative to the end of its n-th month).
 */
import { periodOf, periodRange } from '../../services/period.js'

export const PERIOD_RULES = ['last_closed', 'current', 'last_closed_year'] as const
export type PeriodRule = (typeof PERIOD_RULES)[number]

export interface RunPeriod {
  year: number
  period: number
  start: string
  end: string
}

function lastDayOfPreviousMonth(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`)
  d.setUTCDate(0)
  return d.toISOString().slice(0, 10)
}

export function periodFor(rule: PeriodRule, runDay: string): RunPeriod {
  let p: { year: number; n: number }
  if (rule === 'current') p = periodOf(runDay)
  else if (rule === 'last_closed') p = periodOf(lastDayOfPreviousMonth(runDay))
  // The statistical year that ended on the last 30 September before the run's statistical year.
  else p = { year: periodOf(runDay).year - 1, n: 12 }
  const r = periodRange(p.year, p.n)
  return { year: p.year, period: p.n, start: r.start, end: r.end }
}
