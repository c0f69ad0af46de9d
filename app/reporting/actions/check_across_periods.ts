import type { User } from '#accounts'
import { RuleViolation } from '#core'
import { checkAcrossPeriods, type CrossPeriodViolation } from '../services/rules.js'
import type { ComputedForm } from '../plugin/types.js'
import { ComputeReport, type ReportRequest } from './run_report.js'

export interface AcrossPeriodsResult {
  /** The forms compared: periods 1..n of the year, for the same unit and layout. */
  forms: ComputedForm[]
  /** Period 12 of the previous year, or null when the form did not exist then. */
  previousYear: ComputedForm | null
  violations: CrossPeriodViolation[]
  applicable: boolean
}

/**
 * The cross-period identities of SPEC §5 for one unit up to period n: column 2 is the same in every period of a
 * year and equals column 16 of the previous year's period 12; flows never decrease from one period to the next.
 * Computes each period through ComputeReport, so the reader's jurisdiction applies to every one of them.
 */
export class CheckAcrossPeriods {
  async handle(user: User, input: ReportRequest): Promise<AcrossPeriodsResult> {
    const current = await new ComputeReport().handle(user, input)
    const definition = current.definition
    const spec = 'crossPeriod' in definition ? definition.crossPeriod : undefined
    if (!spec)
      return { forms: [current.form], previousYear: null, violations: [], applicable: false }

    const forms: ComputedForm[] = []
    for (let n = 1; n < input.period; n++) {
      forms.push((await new ComputeReport().handle(user, { ...input, period: n })).form)
    }
    forms.push(current.form)

    let previousYear: ComputedForm | null = null
    try {
      previousYear = (
        await new ComputeReport().handle(user, { ...input, year: input.year - 1, period: 12 })
      ).form
    } catch (error) {
      // A form outside its validity dates for the previous year simply has no closing column to compare.
      if (!(error instanceof RuleViolation)) throw error
    }
    return {
      forms,
      previousYear,
      violations: checkAcrossPeriods(spec, forms, previousYear),
      applicable: true,
    }
  }
}
