import type { User } from '#accounts'
import { AccessDenied, transaction } from '#core'
import type EditRequest from '../models/edit_request.js'
import { mayConfirm } from '../access.js'
import { addStep, auditRequest, loadRequest, nowSql, transition } from '../services/requests.js'

/** The unit's head refuses to confirm a request; it ends there, with the reason written down. */
export class DeclineEditRequest {
  async handle(actor: User, requestId: number, comment: string): Promise<EditRequest> {
    return transaction(async (trx) => {
      const request = await loadRequest(requestId, trx)
      if (!mayConfirm(actor, request))
        throw new AccessDenied('forbidden', { type: 'edit_request', id: request.id })
      await transition(trx, request, ['pending_confirmation'], {
        status: 'rejected',
        decided_by_id: actor.id,
        decided_at: nowSql(),
        decision_comment: comment,
      })
      await addStep(trx, request.id, 'declined', actor, comment)
      await auditRequest(
        trx,
        actor,
        request,
        'declined',
        { status: request.status },
        { status: 'rejected', comment }
      )
      request.status = 'rejected'
      return request
    })
  }
}
