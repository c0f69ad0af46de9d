import { User, Unit, reaches } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { RecordEvent } from './record_event.js'
import { canReadCase } from '../services/access.js'
import { writeTransaction } from '../services/dates.js'

/**
 * Use case: the head of the case's unit (or of a unit above it) revokes a wrong enforcement decision
 * (thu hồi quyết định): the case ends as `revoked` with a revoked_amount entry for the whole remaining,
 * through the event core (case lock, period lock, audit). Money already held stays to be paid out.
 */
export class RevokeDecision {
  async handle(
    actor: User,
    caseId: number,
    input: { effectiveDate: string; documentNumber?: string | null; reason: string }
  ) {
    return writeTransaction(async (trx) =>
      new RecordEvent().within(
        trx,
        actor,
        caseId,
        {
          type: 'revoked',
          effectiveDate: input.effectiveDate,
          documentNumber: input.documentNumber ?? null,
          note: input.reason,
          data: { reason: input.reason },
        },
        async (c) => {
          const subject = { type: 'case', id: c.id }
          if (!canReadCase(actor, c)) throw new AccessDenied('outside_jurisdiction', subject)
          const unit = await Unit.findOrFail(c.unitId, { client: trx })
          if (!reaches(actor, unit, ['head'])) throw new AccessDenied('not_unit_head', subject)
          if (!input.reason?.trim()) throw new RuleViolation('transfers.errors.reason_required')
        }
      )
    )
  }
}
