import { User, Unit } from '#accounts'
import { RuleViolation } from '#core'
import { recordAudit } from '#audit'
import { writeTransaction } from '../services/dates.js'
import { assertHeadOf } from '../services/transfers.js'
import { lockDelegation } from './confirm_delegation.js'

/** Use case: the sender's head refuses a proposed delegation, with a reason; the case is unchanged. */
export class RejectDelegation {
  async handle(actor: User, delegationId: number, input: { reason: string }) {
    return writeTransaction(async (trx) => {
      const d = await lockDelegation(trx, delegationId)
      const unit = await Unit.findOrFail(d.fromUnitId, { client: trx })
      assertHeadOf(actor, unit, { type: 'delegation', id: d.id })
      if (d.status !== 'proposed')
        throw new RuleViolation('transfers.errors.not_proposed', { status: d.status })
      if (!input.reason?.trim()) throw new RuleViolation('transfers.errors.reason_required')
      d.useTransaction(trx)
      d.merge({ status: 'rejected', confirmedById: actor.id, rejectionReason: input.reason.trim() })
      await d.save()
      await recordAudit(
        {
          actor,
          unit: { id: d.fromUnitId, path: d.fromUnitPath },
          action: 'delegation.rejected',
          subjectType: 'delegation',
          subjectId: d.id,
          before: { status: 'proposed' },
          after: { status: 'rejected', reason: d.rejectionReason },
        },
        trx
      )
      return d
    })
  }
}
