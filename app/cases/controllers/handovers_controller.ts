import type { HttpContext } from '@adonisjs/core/http'
import { User } from '#accounts'
import { AccessDenied } from '#core'
import { HANDOVER_REASONS, HANDOVER_STATUSES } from '../models/handover.js'
import {
  handoverValidator,
  handoverFilterValidator,
  decisionNoteValidator,
  reasonValidator,
  reassignValidator,
} from '../validators/transfers.js'
import { listHandovers, handoverDetail, openCasesOf } from '../services/transfer_queries.js'
import { ProposeHandover } from '../actions/propose_handover.js'
import { ConfirmHandover } from '../actions/confirm_handover.js'
import { RejectHandover } from '../actions/reject_handover.js'
import { ReassignInactiveOfficer } from '../actions/reassign_inactive_officer.js'
import { today } from '../services/dates.js'
import { validateTransfer, idList } from './transfers_helpers.js'

const READERS = ['admin', 'head', 'officer', 'statistician', 'inspector'] as const

/** Officers of a unit (active and revoked) with how many open cases and how much held money each has. */
async function unitOfficers(unitId: number) {
  const officers = await User.query()
    .where('unit_id', unitId)
    .whereIn('id', (s) => s.from('user_roles').select('user_id').where('role', 'officer'))
    .orderBy('full_name')
  const loads = await Promise.all(
    officers.map(async (o) => {
      const row = await openCasesOf(o.id, unitId).count('* as n').sum('held as held_total')
      return {
        id: o.id,
        fullName: o.fullName,
        active: o.isActive,
        open: Number(row[0]?.$extras.n ?? 0),
        held: Number(row[0]?.$extras.held_total ?? 0),
      }
    })
  )
  return loads
}

/** Handover pages (bàn giao hồ sơ): list, proposal form, detail with the money handed, head's decisions. */
export default class HandoversController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole(...READERS)) throw new AccessDenied('forbidden', { type: 'handover_list' })
    const filters = await validateTransfer(ctx, handoverFilterValidator, ctx.request.qs())
    const handovers = await listHandovers(user, filters)
    handovers.baseUrl(ctx.request.url()).queryString({ ...ctx.request.qs(), page: undefined })
    const head = user.hasRole('head')
    const officers = head ? await unitOfficers(user.unitId) : []
    return ctx.view.render('cases/transfers/handovers_index', {
      handovers,
      filters,
      statuses: HANDOVER_STATUSES,
      head,
      canPropose: head || user.hasRole('officer'),
      inactive: officers.filter((o) => !o.active && o.open > 0),
      active: officers.filter((o) => o.active),
      today: today(),
    })
  }

  async create(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const head = user.hasRole('head')
    if (!head && !user.hasRole('officer'))
      throw new AccessDenied('not_unit_head', { type: 'handover' })
    const officers = await unitOfficers(user.unitId)
    const fromId = head ? Number(ctx.request.input('from')) || null : user.id
    const from = officers.find((o) => o.id === fromId) ?? null
    if (head && fromId && !from)
      throw new AccessDenied('outside_jurisdiction', { type: 'user', id: fromId })
    const cases = from ? await openCasesOf(from.id, user.unitId) : []
    return ctx.view.render('cases/transfers/handover_form', {
      officers,
      from,
      cases,
      heldTotal: cases.reduce((s, c) => s + c.held, 0),
      head,
      reasons: HANDOVER_REASONS,
      preselect: idList(ctx.request.input('case')),
      today: today(),
    })
  }

  async store(ctx: HttpContext) {
    const body = await validateTransfer(ctx, handoverValidator, {
      ...ctx.request.body(),
      case_ids: idList(ctx.request.input('case_ids')),
    })
    const handover = await new ProposeHandover().handle(ctx.auth.getUserOrFail(), {
      fromOfficerId: body.from_officer_id,
      toOfficerId: body.to_officer_id,
      caseIds: body.all ? null : (body.case_ids ?? []),
      effectiveDate: body.effective_date,
      reasonKind: body.reason_kind,
      reason: body.reason ?? null,
      confirm: body.confirm ?? false,
    })
    ctx.session.flash(
      'success',
      ctx.i18n.t(
        handover.status === 'confirmed'
          ? 'transfers.flash.handover_confirmed'
          : 'transfers.flash.handover_proposed'
      )
    )
    return ctx.response.redirect().toRoute('handovers.show', { id: handover.id })
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole(...READERS)) throw new AccessDenied('forbidden', { type: 'handover' })
    const detail = await handoverDetail(user, Number(ctx.params.id))
    return ctx.view.render('cases/transfers/handover_show', { ...detail, h: detail.handover })
  }

  async confirm(ctx: HttpContext) {
    const body = await validateTransfer(ctx, decisionNoteValidator)
    await new ConfirmHandover().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      note: body.note ?? null,
    })
    ctx.session.flash('success', ctx.i18n.t('transfers.flash.handover_confirmed'))
    return ctx.response.redirect().toRoute('handovers.show', { id: ctx.params.id })
  }

  async reject(ctx: HttpContext) {
    const body = await validateTransfer(ctx, reasonValidator)
    await new RejectHandover().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      note: body.reason,
    })
    ctx.session.flash('success', ctx.i18n.t('transfers.flash.handover_rejected'))
    return ctx.response.redirect().toRoute('handovers.show', { id: ctx.params.id })
  }

  async reassign(ctx: HttpContext) {
    const body = await validateTransfer(ctx, reassignValidator)
    const handover = await new ReassignInactiveOfficer().handle(ctx.auth.getUserOrFail(), {
      fromOfficerId: body.from_officer_id,
      toOfficerId: body.to_officer_id,
      effectiveDate: body.effective_date,
      reason: body.reason ?? null,
    })
    ctx.session.flash('success', ctx.i18n.t('transfers.flash.handover_confirmed'))
    return ctx.response.redirect().toRoute('handovers.show', { id: handover.id })
  }
}
