import { User } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { writeTransaction } from '../services/dates.js'
import { ProposeHandover } from './propose_handover.js'

/**
 * Use case: in one action the unit head hands every open case of a revoked (inactive) officer, with the
 * money they hold, to an active officer: a handover proposed and confirmed at once.
 */
export class ReassignInactiveOfficer {
  async handle(
    actor: User,
    input: {
      fromOfficerId: number
      toOfficerId: number
      effectiveDate: string
      reason?: string | null
    }
  ) {
    return writeTransaction(async (trx) => {
      const from = await User.find(input.fromOfficerId, { client: trx })
      if (!from) throw new RuleViolation('transfers.errors.officer_invalid')
      if (!actor.hasRole('head'))
        throw new AccessDenied('not_unit_head', { type: 'user', id: from.id })
      // Another unit's officer: refuse before saying anything about that officer (active or not).
      if (from.unitId !== actor.unitId)
        throw new AccessDenied('outside_jurisdiction', { type: 'user', id: from.id })
      if (from.isActive) throw new RuleViolation('transfers.errors.officer_still_active')
      return new ProposeHandover().within(trx, actor, {
        ...input,
        caseIds: null,
        reasonKind: 'revoked',
        confirm: true,
      })
    })
  }
}
