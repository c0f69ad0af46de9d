import type { User } from '#accounts'
import { AccessDenied, transaction } from '#core'
import type EditRequest from '../models/edit_request.js'
import { mayConfirm } from '../access.js'
import { addStep, auditRequest, loadRequest, nowSql, transition } from '../services/requests.js'

/** The unit's head confirms a request, which then waits for the national level. */
export class ConfirmEditRequest {
  async handle(actor: User, requestId: number, comment: string | null): Promise<EditRequest> {
    return transaction(async (trx) => {
      const request = await loadRequest(requestId, trx)
      if (!mayConfirm(actor, request))
        throw new AccessDenied('forbidden', { type: 'edit_request', id: request.id })
      await transition(trx, request, ['pending_confirmation'], {
        status: 'pending_approval',
        confirmed_by_id: actor.id,
        confirmed_at: nowSql(),
      })
      await addStep(trx, request.id, 'confirmed', actor, comment)
      await auditRequest(
        trx,
        actor,
        request,
        'confirmed',
        { status: request.status },
        { status: 'pending_approval', comment }
      )
      request.status = 'pending_approval'
      return request
    })
  }
}
