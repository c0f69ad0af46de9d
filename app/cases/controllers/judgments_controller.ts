import type { HttpContext } from '@adonisjs/core/http'
import { AccessDenied, whereContains, boundedPaginate } from '#core'
import Judgment, { JUDGMENT_TYPES } from '../models/judgment.js'
import { judgmentValidator, judgmentFilterValidator } from '../validators/intake.js'
import { scopeIntake, isClerkOf } from '../services/access.js'
import { CreateJudgment } from '../actions/create_judgment.js'
import { today } from '../services/dates.js'
import { INTAKE_READERS, requireAnyRole, validate } from './helpers.js'

/** Register of judgments received from courts (sổ nhận bản án). */
export default class JudgmentsController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, INTAKE_READERS, 'judgments')
    const filters = await validate(ctx, judgmentFilterValidator, ctx.request.qs())
    const query = scopeIntake(Judgment.query(), user, 'judgments.unit_id')
      .orderBy('received_on', 'desc')
      .orderBy('id', 'desc')
    if (filters.q) whereContains(query, ['number', 'court', 'parties'], filters.q)
    if (filters.type) query.where('type', filters.type)
    if (filters.from) query.where('received_on', '>=', filters.from)
    if (filters.to) query.where('received_on', '<=', filters.to)
    const judgments = await boundedPaginate<any>(query, filters.page ?? 1, 25)
    judgments.baseUrl(ctx.request.url()).queryString({ ...ctx.request.qs(), page: undefined })
    return ctx.view.render('cases/judgments/index', {
      judgments,
      filters,
      types: JUDGMENT_TYPES,
      canCreate: isClerkOf(user, user.unitId),
    })
  }

  async create(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!isClerkOf(user, user.unitId)) throw new AccessDenied('intake_only', { type: 'judgment' })
    return ctx.view.render('cases/judgments/form', { types: JUDGMENT_TYPES, today: today() })
  }

  async store(ctx: HttpContext) {
    const body = await validate(ctx, judgmentValidator)
    const judgment = await new CreateJudgment().handle(ctx.auth.getUserOrFail(), {
      number: body.number ?? null,
      judgmentDate: body.judgment_date,
      court: body.court,
      type: body.type,
      parties: body.parties ?? null,
      summary: body.summary ?? null,
      receivedOn: body.received_on,
    })
    ctx.session.flash(
      'success',
      ctx.i18n.t('cases.judgment_created', { number: judgment.number ?? '—' })
    )
    return ctx.response.redirect().toRoute('judgments.index')
  }
}
