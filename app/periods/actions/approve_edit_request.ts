import type { User } from '#accounts'
import { AccessDenied, RuleViolation, addDays, today, transaction } from '#core'
import type EditRequest from '../models/edit_request.js'
import { mayApprove } from '../access.js'
import { addStep, auditRequest, loadRequest, transition, nowSql } from '../services/requests.js'

export const DEFAULT_EXCEPTION_DAYS = 7
export const MAX_EXCEPTION_DAYS = 30

/**
 * The national level approves a confirmed request: an exception opens today for `days` calendar days
 * (today counts as the first), during which the requester may write in the request's scope.
 */
export class ApproveEditRequest {
  async handle(
    actor: User,
    requestId: number,
    input: { days?: number; comment?: string | null }
  ): Promise<EditRequest> {
    const days = input.days ?? DEFAULT_EXCEPTION_DAYS
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXCEPTION_DAYS)
      throw new RuleViolation('periods.requests.errors.days_range', { max: MAX_EXCEPTION_DAYS })
    return transaction(async (trx) => {
      const request = await loadRequest(requestId, trx)
      if (!mayApprove(actor))
        throw new AccessDenied('forbidden', { type: 'edit_request', id: request.id })
      // Four eyes: the approver is never the requester.
      if (request.requestedById === actor.id)
        throw new RuleViolation('periods.requests.errors.own_request')
      const from = today()
      const until = addDays(from, days - 1)
      await transition(trx, request, ['pending_approval'], {
        status: 'approved',
        decided_by_id: actor.id,
        decided_at: nowSql(),
        decision_comment: input.comment ?? null,
        exception_days: days,
        exception_from: from,
        exception_until: until,
      })
      await addStep(trx, request.id, 'approved', actor, input.comment ?? null)
      await auditRequest(
        trx,
        actor,
        request,
        'approved',
        { status: request.status },
        { status: 'approved', days, from, until, comment: input.comment ?? null }
      )
      Object.assign(request, {
        status: 'approved',
        exceptionDays: days,
        exceptionFrom: from,
        exceptionUntil: until,
      })
      return request
    })
  }
}
