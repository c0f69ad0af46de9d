import type { HttpContext } from '@adonisjs/core/http'
import { Unit, scopeToReach, type User } from '#accounts'
import { AccessDenied, RuleViolation, today, addDays } from '#core'
import EditRequest, { EDIT_REQUEST_STATUSES } from '../models/edit_request.js'
import EditRequestStep from '../models/edit_request_step.js'
import {
  FILER_ROLES,
  mayApprove,
  mayConfirm,
  mayFileFor,
  mayListRequests,
  mayRead,
  requestReadPrefix,
} from '../access.js'
import {
  approveValidator,
  commentValidator,
  fileEditRequestValidator,
  reasonValidator,
  requestFilterValidator,
} from '../validators/edit_requests.js'
import { FileEditRequest } from '../actions/file_edit_request.js'
import { ConfirmEditRequest } from '../actions/confirm_edit_request.js'
import { DeclineEditRequest } from '../actions/decline_edit_request.js'
import {
  ApproveEditRequest,
  DEFAULT_EXCEPTION_DAYS,
  MAX_EXCEPTION_DAYS,
} from '../actions/approve_edit_request.js'
import { RejectEditRequest } from '../actions/reject_edit_request.js'
import { CancelEditRequest } from '../actions/cancel_edit_request.js'
import { loadCaseIds } from '../services/requests.js'
import { caseNumbersOf, resolveCaseNumbers } from '../services/case_numbers.js'

const PER_PAGE = 20

/** Past-period edit requests: list, file, read, and the two-step decision (unit head, national head). */
export default class EditRequestsController {
  async index({ request, view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    if (!mayListRequests(user)) throw new AccessDenied('forbidden', { type: 'edit_request' })
    const filters = await requestFilterValidator.validate(request.qs())
    const day = today()
    const query = EditRequest.query().preload('unit').preload('requestedBy').orderBy('id', 'desc')
    const prefix = requestReadPrefix(user)
    query.where((q) => {
      q.where('requested_by_id', user.id)
      if (prefix) q.orWhere('unit_path', 'like', `${prefix}%`)
    })
    if (filters.mine) query.where('requested_by_id', user.id)
    if (filters.unit_id) query.where('unit_id', filters.unit_id)
    if (filters.month) query.where('month', filters.month)
    if (filters.status === 'active')
      query
        .where('status', 'approved')
        .where('exception_from', '<=', day)
        .where('exception_until', '>=', day)
    else if (filters.status === 'awaiting_me') this.awaiting(query, user)
    else if (filters.status) query.where('status', filters.status)
    const requests = await query.paginate(filters.page ?? 1, PER_PAGE)
    requests.baseUrl(request.url()).queryString({ ...request.qs(), page: undefined })
    const caseIds = await loadCaseIds(requests.all().map((r) => r.id))
    for (const r of requests) r.caseIds = caseIds.get(r.id) ?? []
    return view.render('periods/requests/index', {
      requests,
      caseNumbers: Object.fromEntries(await caseNumbersOf([...caseIds.values()].flat())),
      filters,
      today: day,
      statuses: EDIT_REQUEST_STATUSES,
      units: await this.filterUnits(user),
      canFile: user.hasRole(...FILER_ROLES),
      reviewer: user.hasRole('head'),
    })
  }

  async create({ request, view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    if (!user.hasRole(...FILER_ROLES)) throw new AccessDenied('forbidden', { type: 'edit_request' })
    const lastMonth = addDays(`${today().slice(0, 7)}-01`, -1).slice(0, 7)
    // Links from the periods overview pre-fill the unit and month.
    const qs = request.qs()
    const prefill = {
      unit_id: /^\d+$/.test(String(qs.unit_id ?? '')) ? String(qs.unit_id) : '',
      month: /^\d{4}-\d{2}$/.test(String(qs.month ?? '')) ? String(qs.month) : '',
    }
    return view.render('periods/requests/new', {
      units: await this.fileableUnits(user),
      lastMonth,
      maxMonth: today().slice(0, 7),
      prefill,
    })
  }

  async store({ request, response, auth, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    if (!user.hasRole(...FILER_ROLES)) throw new AccessDenied('forbidden', { type: 'edit_request' })
    const input = await request.validateUsing(fileEditRequestValidator)
    if (input.case_numbers) {
      // Reach first: case numbers are looked up only in a unit the user may file for.
      const unit = await Unit.find(input.unit_id)
      if (!unit || !mayFileFor(user, unit))
        throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: input.unit_id })
    }
    const created = await new FileEditRequest().handle(user, {
      unitId: input.unit_id,
      month: input.month,
      explanation: input.explanation,
      caseIds: [
        ...new Set([
          ...(input.case_ids ?? []),
          ...(await resolveCaseNumbers(input.unit_id, input.case_numbers)),
        ]),
      ],
    })
    session.flash(
      'success',
      i18n.t(
        created.status === 'pending_approval'
          ? 'periods.requests.filed_confirmed'
          : 'periods.requests.filed',
        { id: created.id }
      )
    )
    return response.redirect().toRoute('periods.requests.show', { id: created.id })
  }

  async show({ params, view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const editRequest = await EditRequest.query()
      .where('id', Number(params.id) || 0)
      .preload('unit')
      .preload('requestedBy')
      .preload('confirmedBy')
      .preload('decidedBy')
      .first()
    if (!editRequest) throw new RuleViolation('periods.requests.errors.not_found')
    if (!mayRead(user, editRequest))
      throw new AccessDenied('outside_jurisdiction', { type: 'edit_request', id: editRequest.id })
    editRequest.caseIds = (await loadCaseIds([editRequest.id])).get(editRequest.id) ?? []
    const steps = await EditRequestStep.query()
      .where('edit_request_id', editRequest.id)
      .preload('actor')
      .orderBy('id', 'asc')
      .limit(500)
    const pending = editRequest.status
    return view.render('periods/requests/show', {
      editRequest,
      caseNumbers: Object.fromEntries(await caseNumbersOf(editRequest.caseIds)),
      steps,
      today: today(),
      defaultDays: DEFAULT_EXCEPTION_DAYS,
      maxDays: MAX_EXCEPTION_DAYS,
      can: {
        confirm: pending === 'pending_confirmation' && mayConfirm(user, editRequest),
        decide:
          pending === 'pending_approval' &&
          mayApprove(user) &&
          editRequest.requestedById !== user.id,
        cancel: editRequest.isPending && editRequest.requestedById === user.id,
      },
    })
  }

  async confirm({ params, request, response, auth, session, i18n }: HttpContext) {
    const { comment } = await request.validateUsing(commentValidator)
    await new ConfirmEditRequest().handle(auth.getUserOrFail(), Number(params.id), comment ?? null)
    session.flash('success', i18n.t('periods.requests.confirmed_ok'))
    return response.redirect().toRoute('periods.requests.show', { id: params.id })
  }

  async decline({ params, request, response, auth, session, i18n }: HttpContext) {
    const { comment } = await request.validateUsing(reasonValidator)
    await new DeclineEditRequest().handle(auth.getUserOrFail(), Number(params.id), comment)
    session.flash('success', i18n.t('periods.requests.declined_ok'))
    return response.redirect().toRoute('periods.requests.show', { id: params.id })
  }

  async approve({ params, request, response, auth, session, i18n }: HttpContext) {
    const input = await request.validateUsing(approveValidator)
    const approved = await new ApproveEditRequest().handle(
      auth.getUserOrFail(),
      Number(params.id),
      { days: input.days, comment: input.comment ?? null }
    )
    session.flash(
      'success',
      i18n.t('periods.requests.approved_ok', {
        until: approved.exceptionUntil!.split('-').reverse().join('/'),
      })
    )
    return response.redirect().toRoute('periods.requests.show', { id: params.id })
  }

  async reject({ params, request, response, auth, session, i18n }: HttpContext) {
    const { comment } = await request.validateUsing(reasonValidator)
    await new RejectEditRequest().handle(auth.getUserOrFail(), Number(params.id), comment)
    session.flash('success', i18n.t('periods.requests.rejected_ok'))
    return response.redirect().toRoute('periods.requests.show', { id: params.id })
  }

  async cancel({ params, response, auth, session, i18n }: HttpContext) {
    await new CancelEditRequest().handle(auth.getUserOrFail(), Number(params.id))
    session.flash('success', i18n.t('periods.requests.cancelled_ok'))
    return response.redirect().toRoute('periods.requests.show', { id: params.id })
  }

  /** "Waiting for me": confirmations for a unit head, approvals for the national head. */
  private awaiting(query: ReturnType<typeof EditRequest.query>, user: User) {
    query.where((q) => {
      q.whereRaw('1 = 0')
      if (user.hasRole('head'))
        q.orWhere((c) => c.where('status', 'pending_confirmation').where('unit_id', user.unitId))
      if (mayApprove(user))
        q.orWhere((a) => a.where('status', 'pending_approval').whereNot('requested_by_id', user.id))
    })
  }

  private async filterUnits(user: User) {
    const prefix = requestReadPrefix(user)
    if (!prefix) return [user.unit]
    const query = Unit.query().whereNull('valid_to').orderBy('path').limit(500)
    if (prefix !== '/') query.where('path', 'like', `${prefix}%`)
    else query.whereIn('level', ['national', 'province'])
    return query
  }

  private async fileableUnits(user: User) {
    if (!user.hasRole('head', 'statistician')) return [user.unit]
    return scopeToReach(Unit.query().whereNull('valid_to').orderBy('path').limit(500), user, [
      'head',
      'statistician',
    ])
  }
}
