import type { HttpContext } from '@adonisjs/core/http'
import { AccessDenied, whereContains, boundedPaginate } from '#core'
import EnforcementRequest from '../models/enforcement_request.js'
import Judgment from '../models/judgment.js'
import { requestValidator, requestFilterValidator, refuseValidator } from '../validators/intake.js'
import { scopeIntake, isClerkOf } from '../services/access.js'
import { CreateRequest } from '../actions/create_request.js'
import { RefuseRequest } from '../actions/refuse_request.js'
import { requestDeadline, today } from '../services/dates.js'
import { INTAKE_READERS, requireAnyRole, validate } from './helpers.js'

/** Register of enforcement requests (sổ nhận đơn yêu cầu) with their decision deadline. */
export default class RequestsController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, INTAKE_READERS, 'requests')
    const filters = await validate(ctx, requestFilterValidator, ctx.request.qs())
    const query = scopeIntake(EnforcementRequest.query(), user, 'enforcement_requests.unit_id')
      .preload('judgment')
      .orderBy('received_on', 'desc')
      .orderBy('id', 'desc')
    if (filters.q) whereContains(query, ['requester', 'content'], filters.q)
    if (filters.status) query.where('status', filters.status)
    if (filters.from) query.where('received_on', '>=', filters.from)
    if (filters.to) query.where('received_on', '<=', filters.to)
    const requests = await boundedPaginate<any>(query, filters.page ?? 1, 25)
    requests.baseUrl(ctx.request.url()).queryString({ ...ctx.request.qs(), page: undefined })
    const deadlines = Object.fromEntries(
      await Promise.all(
        requests.all().map(async (r) => [r.id, await requestDeadline(r.receivedOn)])
      )
    )
    return ctx.view.render('cases/requests/index', {
      requests,
      filters,
      deadlines,
      today: today(),
      canAct: (r: EnforcementRequest) => isClerkOf(user, r.unitId) && r.status === 'pending',
      canCreate: isClerkOf(user, user.unitId),
    })
  }

  async create(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!isClerkOf(user, user.unitId)) throw new AccessDenied('intake_only', { type: 'request' })
    const judgments = await Judgment.query()
      .where('unit_id', user.unitId)
      .orderBy('received_on', 'desc')
      .limit(200)
    return ctx.view.render('cases/requests/form', { judgments, today: today() })
  }

  async store(ctx: HttpContext) {
    const body = await validate(ctx, requestValidator)
    await new CreateRequest().handle(ctx.auth.getUserOrFail(), {
      requester: body.requester,
      receivedOn: body.received_on,
      content: body.content,
      judgmentId: body.judgment_id ?? null,
    })
    ctx.session.flash('success', ctx.i18n.t('cases.request_created'))
    return ctx.response.redirect().toRoute('requests.index')
  }

  async refuse(ctx: HttpContext) {
    const body = await validate(ctx, refuseValidator)
    await new RefuseRequest().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      reason: body.reason,
      decidedOn: body.decided_on,
    })
    ctx.session.flash('success', ctx.i18n.t('cases.request_refused'))
    return ctx.response.redirect().toRoute('requests.index')
  }
}
