import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import type { VineValidator } from '@vinejs/vine'
import { AccessDenied } from '#core'
import type Handover from '../models/handover.js'
import type Delegation from '../models/delegation.js'
import {
  handoverValidator,
  handoverFilterValidator,
  decisionNoteValidator,
  reasonValidator,
  reassignValidator,
  delegationValidator,
  delegationFilterValidator,
  confirmDelegationValidator,
  acceptDelegationValidator,
  returnDelegationValidator,
  endCaseValidator,
} from '../validators/transfers.js'
import {
  listHandovers,
  handoverDetail,
  listDelegations,
  delegationDetail,
} from '../services/transfer_queries.js'
import { ProposeHandover } from '../actions/propose_handover.js'
import { ConfirmHandover } from '../actions/confirm_handover.js'
import { RejectHandover } from '../actions/reject_handover.js'
import { ReassignInactiveOfficer } from '../actions/reassign_inactive_officer.js'
import { ProposeDelegation } from '../actions/propose_delegation.js'
import { ConfirmDelegation } from '../actions/confirm_delegation.js'
import { RejectDelegation } from '../actions/reject_delegation.js'
import { AcceptDelegation } from '../actions/accept_delegation.js'
import { ReturnDelegation } from '../actions/return_delegation.js'
import { WithdrawCase } from '../actions/withdraw_case.js'
import { RevokeDecision } from '../actions/revoke_decision.js'
import { caseJson } from './api_controller.js'
import { validateTransfer } from './transfers_helpers.js'

function handoverJson(h: Handover) {
  return {
    id: h.id,
    unit_id: h.unitId,
    from_officer_id: h.fromOfficerId,
    to_officer_id: h.toOfficerId,
    status: h.status,
    effective_date: h.effectiveDate,
    reason_kind: h.reasonKind,
    reason: h.reason,
    case_count: h.caseCount,
    held_total: h.heldTotal,
    remaining_total: h.remainingTotal,
    requested_by_id: h.requestedById,
    confirmed_by_id: h.confirmedById,
    decision_note: h.decisionNote,
  }
}

function delegationJson(d: Delegation) {
  return {
    id: d.id,
    case_id: d.caseId,
    from_unit_id: d.fromUnitId,
    to_unit_id: d.toUnitId,
    scope: d.scope,
    amount: d.amount,
    status: d.status,
    effective_date: d.effectiveDate,
    decision_number: d.decisionNumber,
    reason: d.reason,
    rejection_reason: d.rejectionReason,
    return_reason: d.returnReason,
    received_on: d.receivedOn,
    new_case_id: d.newCaseId,
  }
}

const page = (p: any) => {
  const m = p.getMeta()
  return { total: m.total, per_page: m.perPage, current_page: m.currentPage, last_page: m.lastPage }
}

/** REST API v1 for handovers, delegations, withdrawal and revocation: the same validators, scopes and actions. */
export default class TransfersApiController {
  private async input<T extends VineValidator<any, any>>(
    ctx: HttpContext,
    validator: T,
    data?: unknown
  ) {
    try {
      return {
        ok: true as const,
        body: await validateTransfer(ctx, validator, data ?? ctx.request.all()),
      }
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        ctx.response.unprocessableEntity({
          errors: (error.messages as any[]).map((m) => ({
            code: 'E_VALIDATION_ERROR',
            field: m.field,
            rule: m.rule,
            message: m.message,
          })),
        })
        return { ok: false as const }
      }
      throw error
    }
  }

  async handovers(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole('admin', 'head', 'officer', 'statistician', 'inspector'))
      throw new AccessDenied('forbidden', { type: 'handover_list' })
    const v = await this.input(ctx, handoverFilterValidator, ctx.request.qs())
    if (!v.ok) return
    const p = await listHandovers(user, v.body)
    return { data: p.all().map(handoverJson), meta: page(p) }
  }

  async handover(ctx: HttpContext) {
    const d = await handoverDetail(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    return {
      data: {
        ...handoverJson(d.handover),
        cases: d.items.map((i) => ({
          case_id: i.caseId,
          number: i.case.number,
          held: i.held,
          remaining: i.remaining,
          event_id: i.eventId,
        })),
      },
    }
  }

  async proposeHandover(ctx: HttpContext) {
    const v = await this.input(ctx, handoverValidator)
    if (!v.ok) return
    const b = v.body
    const h = await new ProposeHandover().handle(ctx.auth.getUserOrFail(), {
      fromOfficerId: b.from_officer_id,
      toOfficerId: b.to_officer_id,
      caseIds: b.all ? null : (b.case_ids ?? null),
      effectiveDate: b.effective_date,
      reasonKind: b.reason_kind,
      reason: b.reason ?? null,
      confirm: b.confirm ?? false,
    })
    return ctx.response.created({ data: handoverJson(h) })
  }

  async confirmHandover(ctx: HttpContext) {
    const v = await this.input(ctx, decisionNoteValidator)
    if (!v.ok) return
    const h = await new ConfirmHandover().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      note: v.body.note ?? null,
    })
    return { data: handoverJson(h) }
  }

  async rejectHandover(ctx: HttpContext) {
    const v = await this.input(ctx, reasonValidator)
    if (!v.ok) return
    const h = await new RejectHandover().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      note: v.body.reason,
    })
    return { data: handoverJson(h) }
  }

  async reassignInactive(ctx: HttpContext) {
    const v = await this.input(ctx, reassignValidator)
    if (!v.ok) return
    const h = await new ReassignInactiveOfficer().handle(ctx.auth.getUserOrFail(), {
      fromOfficerId: v.body.from_officer_id,
      toOfficerId: v.body.to_officer_id,
      effectiveDate: v.body.effective_date,
      reason: v.body.reason ?? null,
    })
    return ctx.response.created({ data: handoverJson(h) })
  }

  async delegations(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole('admin', 'head', 'officer', 'intake_clerk', 'statistician', 'inspector'))
      throw new AccessDenied('forbidden', { type: 'delegation_list' })
    const v = await this.input(ctx, delegationFilterValidator, ctx.request.qs())
    if (!v.ok) return
    const r = await listDelegations(user, v.body)
    return {
      data: r.page.all().map(delegationJson),
      meta: { ...page(r.page), unit: r.unit.code, box: r.box },
    }
  }

  async delegation(ctx: HttpContext) {
    const d = await delegationDetail(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    return { data: delegationJson(d.delegation) }
  }

  async proposeDelegation(ctx: HttpContext) {
    const v = await this.input(ctx, delegationValidator)
    if (!v.ok) return
    const b = v.body
    const d = await new ProposeDelegation().handle(
      ctx.auth.getUserOrFail(),
      Number(ctx.params.id),
      {
        toUnitId: b.to_unit_id,
        scope: b.scope,
        amount: b.amount ?? null,
        reason: b.reason ?? null,
        confirm:
          b.confirm && b.effective_date
            ? { effectiveDate: b.effective_date, decisionNumber: b.decision_number ?? null }
            : null,
      }
    )
    return ctx.response.created({ data: delegationJson(d) })
  }

  async confirmDelegation(ctx: HttpContext) {
    const v = await this.input(ctx, confirmDelegationValidator)
    if (!v.ok) return
    const d = await new ConfirmDelegation().handle(
      ctx.auth.getUserOrFail(),
      Number(ctx.params.id),
      {
        effectiveDate: v.body.effective_date,
        decisionNumber: v.body.decision_number ?? null,
      }
    )
    return { data: delegationJson(d) }
  }

  async rejectDelegation(ctx: HttpContext) {
    const v = await this.input(ctx, reasonValidator)
    if (!v.ok) return
    const d = await new RejectDelegation().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      reason: v.body.reason,
    })
    return { data: delegationJson(d) }
  }

  async acceptDelegation(ctx: HttpContext) {
    const v = await this.input(ctx, acceptDelegationValidator)
    if (!v.ok) return
    const r = await new AcceptDelegation().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      receivedOn: v.body.received_on,
      note: v.body.note ?? null,
    })
    return {
      data: {
        ...delegationJson(r.delegation),
        source_case: caseJson(r.source),
        new_case: caseJson(r.newCase),
      },
    }
  }

  async returnDelegation(ctx: HttpContext) {
    const v = await this.input(ctx, returnDelegationValidator)
    if (!v.ok) return
    const d = await new ReturnDelegation().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      reason: v.body.reason,
      receivedOn: v.body.received_on ?? null,
    })
    return { data: delegationJson(d) }
  }

  async withdraw(ctx: HttpContext) {
    const v = await this.input(ctx, endCaseValidator)
    if (!v.ok) return
    const r = await new WithdrawCase().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      effectiveDate: v.body.effective_date,
      documentNumber: v.body.document_number ?? null,
      reason: v.body.reason,
    })
    return ctx.response.created({
      data: { amount: r.amount, source_case: caseJson(r.source), new_case: caseJson(r.newCase) },
    })
  }

  async revoke(ctx: HttpContext) {
    const v = await this.input(ctx, endCaseValidator)
    if (!v.ok) return
    const r = await new RevokeDecision().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      effectiveDate: v.body.effective_date,
      documentNumber: v.body.document_number ?? null,
      reason: v.body.reason,
    })
    return { data: { event_id: r.eventId, case: caseJson(r.case) } }
  }
}
