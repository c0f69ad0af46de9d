import { User, Unit } from '#accounts'
import { RuleViolation } from '#core'
import { recordAudit } from '#audit'
import { writeTransaction } from '../services/dates.js'
import { assertHeadOf, nowSql } from '../services/transfers.js'
import { lockHandover } from './confirm_handover.js'

/** Use case: the unit head refuses a proposed handover, with a reason; the cases stay where they are. */
export class RejectHandover {
  async handle(actor: User, handoverId: number, input: { note: string }) {
    return writeTransaction(async (trx) => {
      const handover = await lockHandover(trx, handoverId)
      const unit = await Unit.findOrFail(handover.unitId, { client: trx })
      assertHeadOf(actor, unit, { type: 'handover', id: handover.id })
      if (handover.status !== 'proposed')
        throw new RuleViolation('transfers.errors.not_proposed', { status: handover.status })
      if (!input.note?.trim()) throw new RuleViolation('transfers.errors.reason_required')
      handover.useTransaction(trx)
      handover.merge({
        status: 'rejected',
        confirmedById: actor.id,
        decisionNote: input.note.trim(),
      })
      await handover.save()
      await trx.from('handovers').where('id', handover.id).update({ decided_at: nowSql() })
      await recordAudit(
        {
          actor,
          unit: { id: unit.id, path: unit.path },
          action: 'handover.rejected',
          subjectType: 'handover',
          subjectId: handover.id,
          before: { status: 'proposed' },
          after: { status: 'rejected', note: input.note.trim() },
        },
        trx
      )
      return handover
    })
  }
}
