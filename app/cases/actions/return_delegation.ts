import { User, Unit } from '#accounts'
import { RuleViolation } from '#core'
import { recordAudit } from '#audit'
import { writeTransaction } from '../services/dates.js'
import { lockDelegation } from './confirm_delegation.js'
import { assertReceiver } from './accept_delegation.js'

/**
 * Use case: the receiving unit returns a confirmed delegation for errors, with a reason. Nothing was
 * written on the sender's case, which simply continues.
 */
export class ReturnDelegation {
  async handle(
    actor: User,
    delegationId: number,
    input: { reason: string; receivedOn?: string | null }
  ) {
    return writeTransaction(async (trx) => {
      const d = await lockDelegation(trx, delegationId)
      const receiver = await Unit.findOrFail(d.toUnitId, { client: trx })
      assertReceiver(actor, d, receiver)
      if (d.status !== 'confirmed')
        throw new RuleViolation('transfers.errors.not_confirmed', { status: d.status })
      if (!input.reason?.trim()) throw new RuleViolation('transfers.errors.reason_required')
      d.useTransaction(trx)
      d.merge({
        status: 'returned',
        receivedById: actor.id,
        receivedOn: input.receivedOn ?? null,
        returnReason: input.reason.trim(),
      })
      await d.save()
      await recordAudit(
        {
          actor,
          unit: { id: receiver.id, path: receiver.path },
          action: 'delegation.returned',
          subjectType: 'delegation',
          subjectId: d.id,
          before: { status: 'confirmed' },
          after: { status: 'returned', reason: d.returnReason, caseId: d.caseId },
        },
        trx
      )
      return d
    })
  }
}
