import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import type { VineValidator } from '@vinejs/vine'
import type Case from '../models/case.js'
import { caseFilterValidator, eventValidator, moneyValidator } from '../validators/cases.js'
import { judgmentValidator, requestValidator } from '../validators/intake.js'
import { draftValidator, approveValidator, rejectValidator } from '../validators/decisions.js'
import { caseDetail } from '../services/queries.js'
import { listCasePage } from '../services/case_list.js'
import { draftInput, recordEventFrom, recordMoneyFrom } from '../services/inputs.js'
import { CreateJudgment } from '../actions/create_judgment.js'
import { CreateRequest } from '../actions/create_request.js'
import { SaveDraftDecision } from '../actions/save_draft_decision.js'
import { SubmitDecision } from '../actions/submit_decision.js'
import { ApproveDecision } from '../actions/approve_decision.js'
import { RejectDecision } from '../actions/reject_decision.js'
import { CASE_READERS, requireAnyRole, validate } from './helpers.js'

export function caseJson(c: Case) {
  return {
    id: c.id,
    number: c.number,
    unit_id: c.unitId,
    decision_date: c.decisionDate,
    draft_status: c.draftStatus,
    kind: c.kind,
    origin: c.origin,
    status: c.status,
    remaining: c.remaining,
    held: c.held,
    officer_id: c.officerId,
    credit_institution: c.creditInstitution,
    debtor_name: c.debtorName,
    creditor_name: c.creditorName,
    judgment_id: c.judgmentId,
    request_id: c.requestId,
  }
}

/**
 * REST API v1: the same validators, scopes and actions as the pages; only the answer is JSON.
 * Validation errors answer 422 `{ errors: [{ code: 'E_VALIDATION_ERROR', field, rule, message }] }`.
 */
export default class CasesApiController {
  private async input<T extends VineValidator<any, any>>(
    ctx: HttpContext,
    validator: T,
    data?: unknown
  ) {
    try {
      return { ok: true as const, body: await validate(ctx, validator, data ?? ctx.request.all()) }
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        const errors = (error.messages as any[]).map((m) => ({
          code: 'E_VALIDATION_ERROR',
          field: m.field,
          rule: m.rule,
          message: m.message,
        }))
        ctx.response.unprocessableEntity({ errors })
        return { ok: false as const }
      }
      throw error
    }
  }

  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'case_list')
    const v = await this.input(ctx, caseFilterValidator, ctx.request.qs())
    if (!v.ok) return
    const page = await listCasePage(user, v.body)
    return {
      data: page.rows.map(caseJson),
      meta: {
        // exact up to 10,000; beyond it `total_capped` is true and `last_page` null (follow `next`)
        total: page.total,
        total_capped: page.capped,
        per_page: page.perPage,
        current_page: page.page,
        last_page: page.lastPage,
        next: page.next,
        previous: page.previous,
      },
    }
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'case')
    const d = await caseDetail(user, ctx.params.id)
    return {
      data: {
        ...caseJson(d.case),
        parties: d.case.parties.map((p) => ({
          role: p.role,
          name: p.name,
          address: p.address,
          id_number: p.idNumber,
          is_credit_institution: p.isCreditInstitution,
        })),
        obligations: d.case.obligations.map((o) => ({
          kind: o.kind,
          description: o.description,
          amount: o.amount,
          payee: o.payee,
        })),
        events: d.events.map((e) => ({
          id: e.id,
          type: e.type,
          effective_date: e.effectiveDate,
          document_number: e.documentNumber,
          legal_ground: e.legalGround,
          amount: e.amount,
          status_after: e.statusAfter,
          officer_id: e.officerId,
          note: e.note,
        })),
        money: d.money.map((m) => ({
          id: m.id,
          kind: m.kind,
          amount: m.amount,
          effective_date: m.effectiveDate,
          receipt_number: m.receiptNumber,
          payee: m.payee,
          remaining_after: m.remainingAfter,
          held_after: m.heldAfter,
        })),
      },
    }
  }

  async storeEvent(ctx: HttpContext) {
    const v = await this.input(ctx, eventValidator)
    if (!v.ok) return
    const r = await recordEventFrom(ctx.auth.getUserOrFail(), Number(ctx.params.id), v.body)
    return ctx.response.created({ data: { event_id: r.eventId, case: caseJson(r.case) } })
  }

  async storeMoney(ctx: HttpContext) {
    const v = await this.input(ctx, moneyValidator)
    if (!v.ok) return
    const r = await recordMoneyFrom(ctx.auth.getUserOrFail(), Number(ctx.params.id), v.body)
    return ctx.response.created({
      data: { case: { id: r.case.id, remaining: r.case.remaining, held: r.case.held } },
    })
  }

  async storeJudgment(ctx: HttpContext) {
    const v = await this.input(ctx, judgmentValidator)
    if (!v.ok) return
    const b = v.body
    const j = await new CreateJudgment().handle(ctx.auth.getUserOrFail(), {
      number: b.number ?? null,
      judgmentDate: b.judgment_date,
      court: b.court,
      type: b.type,
      parties: b.parties ?? null,
      summary: b.summary ?? null,
      receivedOn: b.received_on,
    })
    return ctx.response.created({ data: { id: j.id, number: j.number, unit_id: j.unitId } })
  }

  async storeRequest(ctx: HttpContext) {
    const v = await this.input(ctx, requestValidator)
    if (!v.ok) return
    const r = await new CreateRequest().handle(ctx.auth.getUserOrFail(), {
      requester: v.body.requester,
      receivedOn: v.body.received_on,
      content: v.body.content,
      judgmentId: v.body.judgment_id ?? null,
    })
    return ctx.response.created({ data: { id: r.id, status: r.status, unit_id: r.unitId } })
  }

  async storeDraft(ctx: HttpContext) {
    const v = await this.input(ctx, draftValidator)
    if (!v.ok) return
    const c = await new SaveDraftDecision().handle(ctx.auth.getUserOrFail(), draftInput(v.body))
    return ctx.response.created({ data: caseJson(c) })
  }

  async submit(ctx: HttpContext) {
    const c = await new SubmitDecision().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    return { data: caseJson(c) }
  }

  async approve(ctx: HttpContext) {
    const v = await this.input(ctx, approveValidator)
    if (!v.ok) return
    const c = await new ApproveDecision().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      decisionDate: v.body.decision_date,
      officerId: v.body.officer_id,
      comment: v.body.comment ?? null,
    })
    return { data: caseJson(c) }
  }

  async reject(ctx: HttpContext) {
    const v = await this.input(ctx, rejectValidator)
    if (!v.ok) return
    const c = await new RejectDecision().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      comment: v.body.comment,
    })
    return { data: caseJson(c) }
  }
}
