import type { HttpContext } from '@adonisjs/core/http'
import { AccessDenied } from '#core'
import Judgment from '../models/judgment.js'
import EnforcementRequest from '../models/enforcement_request.js'
import { PARTY_ROLES } from '../models/case_party.js'
import { draftValidator, approveValidator, rejectValidator } from '../validators/decisions.js'
import { visibleCases, findReadableCase, isClerkOf, isHeadOf } from '../services/access.js'
import { officersOf } from '../services/queries.js'
import { draftInput } from '../services/inputs.js'
import { SaveDraftDecision } from '../actions/save_draft_decision.js'
import { SubmitDecision } from '../actions/submit_decision.js'
import { ApproveDecision } from '../actions/approve_decision.js'
import { RejectDecision } from '../actions/reject_decision.js'
import { today } from '../services/dates.js'
import { validate } from './helpers.js'

const DRAFT_STATES = ['draft', 'submitted', 'rejected'] as const

/** Draft enforcement decisions: the clerk's drafts and the head's approval queue. */
export default class DecisionsController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole('intake_clerk', 'head'))
      throw new AccessDenied('forbidden', { type: 'decisions' })
    const requested = ctx.request.input('state')
    const state = (DRAFT_STATES as readonly string[]).includes(requested)
      ? requested
      : user.hasRole('head') && !user.hasRole('intake_clerk')
        ? 'submitted'
        : null
    const query = visibleCases(user)
      .where('unit_id', user.unitId)
      .preload('judgment')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
    if (state) query.where('draft_status', state)
    else query.whereIn('draft_status', [...DRAFT_STATES])
    const drafts = await query.paginate(Number(ctx.request.input('page')) || 1, 25)
    drafts.baseUrl(ctx.request.url()).queryString({ ...ctx.request.qs(), page: undefined })
    return ctx.view.render('cases/decisions/index', {
      drafts,
      state,
      states: DRAFT_STATES,
      canCreate: isClerkOf(user, user.unitId),
    })
  }

  async create(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!isClerkOf(user, user.unitId)) throw new AccessDenied('intake_only', { type: 'case' })
    return ctx.view.render('cases/decisions/form', {
      ...(await this.formData(user.unitId)),
      draft: null,
      preset: {
        kind: ctx.request.input('request_id') ? 'on_request' : 'ex_officio',
        judgment_id: Number(ctx.request.input('judgment_id')) || null,
        request_id: Number(ctx.request.input('request_id')) || null,
      },
    })
  }

  async store(ctx: HttpContext) {
    const body = await validate(ctx, draftValidator, this.formBody(ctx))
    const draft = await new SaveDraftDecision().handle(ctx.auth.getUserOrFail(), draftInput(body))
    ctx.session.flash(
      'success',
      ctx.i18n.t(draft.draftStatus === 'submitted' ? 'cases.draft_submitted' : 'cases.draft_saved')
    )
    return ctx.response.redirect().toRoute('decisions.show', { id: draft.id })
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const draft = await findReadableCase(user, ctx.params.id)
    if (draft.draftStatus === 'approved')
      return ctx.response.redirect().toRoute('cases.show', { id: draft.id })
    await draft.load((l) =>
      l.load('judgment').load('request').load('parties').load('obligations').load('unit')
    )
    const head = isHeadOf(user, draft.unitId) && draft.draftStatus === 'submitted'
    return ctx.view.render('cases/decisions/show', {
      draft,
      canEdit: isClerkOf(user, draft.unitId) && ['draft', 'rejected'].includes(draft.draftStatus),
      canReview: head,
      officers: head ? await officersOf(draft.unitId) : [],
      today: today(),
    })
  }

  async edit(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const draft = await findReadableCase(user, ctx.params.id)
    if (!isClerkOf(user, draft.unitId))
      throw new AccessDenied('intake_only', { type: 'case', id: draft.id })
    await draft.load((l) => l.load('parties').load('obligations'))
    return ctx.view.render('cases/decisions/form', {
      ...(await this.formData(draft.unitId, draft.requestId)),
      draft,
      preset: null,
    })
  }

  async update(ctx: HttpContext) {
    const body = await validate(ctx, draftValidator, this.formBody(ctx))
    const draft = await new SaveDraftDecision().handle(
      ctx.auth.getUserOrFail(),
      draftInput(body),
      Number(ctx.params.id)
    )
    ctx.session.flash(
      'success',
      ctx.i18n.t(draft.draftStatus === 'submitted' ? 'cases.draft_submitted' : 'cases.draft_saved')
    )
    return ctx.response.redirect().toRoute('decisions.show', { id: draft.id })
  }

  async submit(ctx: HttpContext) {
    await new SubmitDecision().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    ctx.session.flash('success', ctx.i18n.t('cases.draft_submitted'))
    return ctx.response.redirect().toRoute('decisions.show', { id: ctx.params.id })
  }

  async approve(ctx: HttpContext) {
    const body = await validate(ctx, approveValidator)
    const c = await new ApproveDecision().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      decisionDate: body.decision_date,
      officerId: body.officer_id,
      comment: body.comment ?? null,
    })
    ctx.session.flash('success', ctx.i18n.t('cases.decision_approved', { number: c.number }))
    return ctx.response.redirect().toRoute('cases.show', { id: c.id })
  }

  async reject(ctx: HttpContext) {
    const body = await validate(ctx, rejectValidator)
    await new RejectDecision().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      comment: body.comment,
    })
    ctx.session.flash('success', ctx.i18n.t('cases.draft_rejected'))
    return ctx.response.redirect().toRoute('decisions.index')
  }

  /** The form has fixed rows; rows left without a name/description are not parties/obligations. */
  private formBody(ctx: HttpContext) {
    const body = { ...ctx.request.body() }
    // Browsers send parties[0][name]…; a lone row may arrive as a plain object.
    const rows = (value: unknown): any[] => {
      if (Array.isArray(value)) return value
      if (!value || typeof value !== 'object') return []
      const keys = Object.keys(value)
      return keys.every((k) => /^\d+$/.test(k)) ? Object.values(value) : [value]
    }
    body.parties = rows(body.parties).filter((p: any) => p && String(p.name ?? '').trim() !== '')
    body.obligations = rows(body.obligations).filter(
      (o: any) => o && String(o.description ?? '').trim() !== ''
    )
    return body
  }

  private async formData(unitId: number, currentRequestId: number | null = null) {
    const judgments = await Judgment.query()
      .where('unit_id', unitId)
      .orderBy('received_on', 'desc')
      .limit(200)
    const requests = await EnforcementRequest.query()
      .where('unit_id', unitId)
      .where((q) => {
        q.where('status', 'pending')
        if (currentRequestId) q.orWhere('id', currentRequestId)
      })
      .orderBy('received_on', 'desc')
      .limit(200)
    return { judgments, requests, partyRoles: PARTY_ROLES, today: today() }
  }
}
