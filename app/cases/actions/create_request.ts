import type { User } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import EnforcementRequest from '../models/enforcement_request.js'
import Judgment from '../models/judgment.js'
import { isClerkOf } from '../services/access.js'
import { assertPastDay, writeTransaction } from '../services/dates.js'
import { refreshRequestDeadline } from '../services/deadlines/store.js'

export interface RequestInput {
  requester: string
  receivedOn: string
  content: string
  judgmentId?: number | null
}

/** Use case: an intake clerk registers a party's request for enforcement, optionally linked to a judgment of the unit. */
export class CreateRequest {
  async handle(actor: User, input: RequestInput): Promise<EnforcementRequest> {
    if (!isClerkOf(actor, actor.unitId)) throw new AccessDenied('intake_only', { type: 'request' })
    assertPastDay(input.receivedOn, 'received_on')
    return writeTransaction(async (trx) => {
      if (input.judgmentId) {
        const judgment = await Judgment.find(input.judgmentId, { client: trx })
        if (!judgment || judgment.unitId !== actor.unitId)
          throw new RuleViolation('cases.errors.judgment_not_found')
      }
      await assertWritable(actor.unitId, input.receivedOn, { actorId: actor.id, trx })
      const request = await EnforcementRequest.create(
        {
          unitId: actor.unitId,
          judgmentId: input.judgmentId ?? null,
          requester: input.requester.trim(),
          receivedOn: input.receivedOn,
          content: input.content.trim(),
          status: 'pending',
          createdById: actor.id,
        },
        { client: trx }
      )
      await refreshRequestDeadline(trx, request.id)
      await recordAudit(
        {
          actor,
          unit: actor.unit,
          action: 'request.created',
          subjectType: 'request',
          subjectId: request.id,
          after: request.serialize(),
        },
        trx
      )
      return request
    })
  }
}
