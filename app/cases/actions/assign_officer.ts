import { writeTransaction } from '../services/dates.js'
import { User } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { RecordEvent } from './record_event.js'
import { canReadCase, isHeadOf } from '../services/access.js'

/**
 * Use case: the head of the case's unit (re)assigns an active officer of the same unit. Writes the
 * officer_assigned event and moves the assignment span, through the shared event core.
 */
export class AssignOfficer {
  async handle(
    actor: User,
    caseId: number,
    input: { officerId: number; effectiveDate: string; note?: string | null }
  ) {
    return writeTransaction(async (trx) => {
      const officer = await User.query({ client: trx })
        .where('id', input.officerId)
        .preload('roles')
        .first()
      return new RecordEvent().within(
        trx,
        actor,
        caseId,
        { type: 'officer_assigned', ...input },
        (c) => {
          if (!canReadCase(actor, c))
            throw new AccessDenied('outside_jurisdiction', { type: 'case', id: c.id })
          if (!isHeadOf(actor, c.unitId))
            throw new AccessDenied('not_unit_head', { type: 'case', id: c.id })
          if (
            !officer ||
            officer.unitId !== c.unitId ||
            !officer.isActive ||
            !officer.hasRole('officer')
          ) {
            throw new RuleViolation('cases.errors.officer_invalid')
          }
          if (officer.id === c.officerId) throw new RuleViolation('cases.errors.officer_same')
        }
      )
    })
  }
}
