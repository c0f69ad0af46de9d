import type { HttpContext } from '@adonisjs/core/http'
import { AccessDenied } from '#core'
import { DELEGATION_STATUSES } from '../models/delegation.js'
import {
  delegationValidator,
  delegationFilterValidator,
  confirmDelegationValidator,
  acceptDelegationValidator,
  returnDelegationValidator,
  reasonValidator,
  endCaseValidator,
} from '../validators/transfers.js'
import { listDelegations, delegationDetail } from '../services/transfer_queries.js'
import { ProposeDelegation } from '../actions/propose_delegation.js'
import { ConfirmDelegation } from '../actions/confirm_delegation.js'
import { RejectDelegation } from '../actions/reject_delegation.js'
import { AcceptDelegation } from '../actions/accept_delegation.js'
import { ReturnDelegation } from '../actions/return_delegation.js'
import { WithdrawCase } from '../actions/withdraw_case.js'
import { RevokeDecision } from '../actions/revoke_decision.js'
import { today } from '../services/dates.js'
import { validateTransfer } from './transfers_helpers.js'

const READERS = ['admin', 'head', 'officer', 'intake_clerk', 'statistician', 'inspector'] as const

/** Delegations (ủy thác) inbox and decisions at both ends; withdrawal and revocation from the case page. */
export default class DelegationsController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole(...READERS)) throw new AccessDenied('forbidden', { type: 'delegation_list' })
    const filters = await validateTransfer(ctx, delegationFilterValidator, ctx.request.qs())
    const { page, unit, box } = await listDelegations(user, filters)
    page.baseUrl(ctx.request.url()).queryString({ ...ctx.request.qs(), page: undefined })
    return ctx.view.render('cases/transfers/delegations_index', {
      delegations: page,
      filters,
      unit,
      box,
      statuses: DELEGATION_STATUSES,
    })
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole(...READERS)) throw new AccessDenied('forbidden', { type: 'delegation' })
    const detail = await delegationDetail(user, Number(ctx.params.id))
    return ctx.view.render('cases/transfers/delegation_show', {
      ...detail,
      d: detail.delegation,
      today: today(),
    })
  }

  async store(ctx: HttpContext) {
    const body = await validateTransfer(ctx, delegationValidator)
    const d = await new ProposeDelegation().handle(
      ctx.auth.getUserOrFail(),
      Number(ctx.params.id),
      {
        toUnitId: body.to_unit_id,
        scope: body.scope,
        amount: body.amount ?? null,
        reason: body.reason ?? null,
        confirm: body.confirm
          ? {
              effectiveDate: body.effective_date ?? today(),
              decisionNumber: body.decision_number ?? null,
            }
          : null,
      }
    )
    ctx.session.flash('success', ctx.i18n.t(`transfers.flash.delegation_${d.status}`))
    return ctx.response.redirect().toRoute('delegations.show', { id: d.id })
  }

  async confirm(ctx: HttpContext) {
    const body = await validateTransfer(ctx, confirmDelegationValidator)
    await new ConfirmDelegation().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      effectiveDate: body.effective_date,
      decisionNumber: body.decision_number ?? null,
    })
    ctx.session.flash('success', ctx.i18n.t('transfers.flash.delegation_confirmed'))
    return ctx.response.redirect().toRoute('delegations.show', { id: ctx.params.id })
  }

  async reject(ctx: HttpContext) {
    const body = await validateTransfer(ctx, reasonValidator)
    await new RejectDelegation().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      reason: body.reason,
    })
    ctx.session.flash('success', ctx.i18n.t('transfers.flash.delegation_rejected'))
    return ctx.response.redirect().toRoute('delegations.show', { id: ctx.params.id })
  }

  async accept(ctx: HttpContext) {
    const body = await validateTransfer(ctx, acceptDelegationValidator)
    const done = await new AcceptDelegation().handle(
      ctx.auth.getUserOrFail(),
      Number(ctx.params.id),
      {
        receivedOn: body.received_on,
        note: body.note ?? null,
      }
    )
    ctx.session.flash('success', ctx.i18n.t('transfers.flash.delegation_accepted'))
    return ctx.response.redirect().toRoute('decisions.show', { id: done.newCase.id })
  }

  async return(ctx: HttpContext) {
    const body = await validateTransfer(ctx, returnDelegationValidator)
    await new ReturnDelegation().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      reason: body.reason,
      receivedOn: body.received_on ?? null,
    })
    ctx.session.flash('success', ctx.i18n.t('transfers.flash.delegation_returned'))
    return ctx.response.redirect().toRoute('delegations.show', { id: ctx.params.id })
  }

  async withdraw(ctx: HttpContext) {
    const body = await validateTransfer(ctx, endCaseValidator)
    const done = await new WithdrawCase().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      effectiveDate: body.effective_date,
      documentNumber: body.document_number ?? null,
      reason: body.reason,
    })
    ctx.session.flash('success', ctx.i18n.t('transfers.flash.withdrawn'))
    return ctx.response.redirect().toRoute('decisions.show', { id: done.newCase.id })
  }

  async revoke(ctx: HttpContext) {
    const body = await validateTransfer(ctx, endCaseValidator)
    await new RevokeDecision().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      effectiveDate: body.effective_date,
      documentNumber: body.document_number ?? null,
      reason: body.reason,
    })
    ctx.session.flash('success', ctx.i18n.t('transfers.flash.revoked'))
    return ctx.response.redirect().toRoute('cases.show', { id: ctx.params.id })
  }
}
