import { RuleViolation, today } from '#core'
import type { User } from '#accounts'
import { toUnitRef, unitByCodeOrId } from '../../services/context.js'
import { periodOf } from '../../services/period.js'
import type { UnitRef } from '../../plugin/types.js'

/** The last period that has ended (the latest one a paper report can exist for). */
export function lastEndedPeriod(day = today()) {
  const { year, n } = periodOf(day)
  return n === 1 ? { year: year - 1, period: 12 } : { year, period: n - 1 }
}

export async function resolveUnit(user: User, ref: string | undefined): Promise<UnitRef> {
  if (!ref) return toUnitRef(user.unit)
  const unit = await unitByCodeOrId(ref)
  if (!unit) throw new RuleViolation('reporting.unknown_unit', { unit: ref })
  return unit
}

export { qs, wantsJson } from '../../controllers/helpers.js'
