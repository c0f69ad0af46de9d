import type { User } from '#accounts'
import { AccessDenied, transaction } from '#core'
import type EditRequest from '../models/edit_request.js'
import { mayApprove } from '../access.js'
import { addStep, auditRequest, loadRequest, nowSql, transition } from '../services/requests.js'

/** The national level rejects a confirmed request, with its reason. */
export class RejectEditRequest {
  async handle(actor: User, requestId: number, comment: string): Promise<EditRequest> {
    return transaction(async (trx) => {
      const request = await loadRequest(requestId, trx)
      if (!mayApprove(actor))
        throw new AccessDenied('forbidden', { type: 'edit_request', id: request.id })
      await transition(trx, request, ['pending_approval'], {
        status: 'rejected',
        decided_by_id: actor.id,
        decided_at: nowSql(),
        decision_comment: comment,
      })
      await addStep(trx, request.id, 'rejected', actor, comment)
      await auditRequest(
        trx,
        actor,
        request,
        'rejected',
        { status: request.status },
        { status: 'rejected', comment }
      )
      request.status = 'rejected'
      return request
    })
  }
}
