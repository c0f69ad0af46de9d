import type { User } from '#accounts'
import { AccessDenied, transaction } from '#core'
import type EditRequest from '../models/edit_request.js'
import { addStep, auditRequest, loadRequest, transition } from '../services/requests.js'

/** The requester withdraws a request that is still waiting for a decision. */
export class CancelEditRequest {
  async handle(actor: User, requestId: number): Promise<EditRequest> {
    return transaction(async (trx) => {
      const request = await loadRequest(requestId, trx)
      if (request.requestedById !== actor.id)
        throw new AccessDenied('forbidden', { type: 'edit_request', id: request.id })
      await transition(trx, request, ['pending_confirmation', 'pending_approval'], {
        status: 'cancelled',
      })
      await addStep(trx, request.id, 'cancelled', actor, null)
      await auditRequest(
        trx,
        actor,
        request,
        'cancelled',
        { status: request.status },
        { status: 'cancelled' }
      )
      request.status = 'cancelled'
      return request
    })
  }
}
