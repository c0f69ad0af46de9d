/**
 * The national plan of a statistical year (SPEC §9): the gap threshold, the catch-up dates for gaps under and over
 * it, the closing day of the figures, and the tolerances under which a difference still counts as consistent.
 * Without a saved plan the defaults of CV 2352 apply (threshold 2,000 dossiers, 10/8 and 25/8, closed on 30/9,
 * no tolerance), shifted to the year.
 */
import db from '@adonisjs/lucid/services/db'

export interface Plan {
  year: number
  threshold: number
  dueSmall: string
  dueLarge: string
  closeOn: string
  toleranceCases: number
  /** Thousands of VND. */
  toleranceMoney: number
  saved: boolean
}

const day = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10)

export function defaultPlan(year: number): Plan {
  return {
    year,
    threshold: 2000,
    dueSmall: `${year}-08-10`,
    dueLarge: `${year}-08-25`,
    closeOn: `${year}-09-30`,
    toleranceCases: 0,
    toleranceMoney: 0,
    saved: false,
  }
}

export async function planFor(year: number): Promise<Plan> {
  const row = await db.from('reconciliation_plans').where('year', year).first()
  if (!row) return defaultPlan(year)
  return {
    year,
    threshold: Number(row.threshold),
    dueSmall: day(row.due_small),
    dueLarge: day(row.due_large),
    closeOn: day(row.close_on),
    toleranceCases: Number(row.tolerance_cases),
    toleranceMoney: Number(row.tolerance_money),
    saved: true,
  }
}

/** The catch-up date of a unit whose paper report exceeds the software by `gap` dossiers. */
export function dueFor(plan: Plan, gap: number): string {
  return Math.abs(gap) < plan.threshold ? plan.dueSmall : plan.dueLarge
}
