import type { User } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import EnforcementRequest from '../models/enforcement_request.js'
import { isClerkOf } from '../services/access.js'
import { assertPastDay, writeTransaction } from '../services/dates.js'
import { refreshRequestDeadline } from '../services/deadlines/store.js'

/** Use case: a pending request is refused with a written reason (the refusal is a dated act of the unit). */
export class RefuseRequest {
  async handle(
    actor: User,
    requestId: number,
    input: { reason: string; decidedOn: string }
  ): Promise<EnforcementRequest> {
    assertPastDay(input.decidedOn, 'decided_on')
    return writeTransaction(async (trx) => {
      const request = await EnforcementRequest.query({ client: trx })
        .where('id', requestId)
        .firstOrFail()
      if (!isClerkOf(actor, request.unitId))
        throw new AccessDenied('intake_only', { type: 'request', id: request.id })
      if (request.status !== 'pending') throw new RuleViolation('cases.errors.request_not_pending')
      if (input.decidedOn < request.receivedOn)
        throw new RuleViolation('cases.errors.decided_before_received')
      if (
        await trx
          .from('cases')
          .where('request_id', request.id)
          .whereIn('draft_status', ['draft', 'submitted'])
          .first()
      ) {
        throw new RuleViolation('cases.errors.request_has_draft')
      }
      await assertWritable(request.unitId, input.decidedOn, { actorId: actor.id, trx })
      request.status = 'refused'
      request.refusalReason = input.reason.trim()
      request.decidedOn = input.decidedOn
      await request.save()
      await refreshRequestDeadline(trx, request.id)
      await recordAudit(
        {
          actor,
          unit: actor.unit,
          action: 'request.refused',
          subjectType: 'request',
          subjectId: request.id,
          before: { status: 'pending' },
          after: { status: 'refused', reason: request.refusalReason, decidedOn: request.decidedOn },
        },
        trx
      )
      return request
    })
  }
}
