import type { HttpContext } from '@adonisjs/core/http'
import { AccessDenied } from '#core'
import { RecordPublication } from '../actions/record_publication.js'
import { SetReverifyInterval } from '../actions/set_reverify_interval.js'
import { findReadableCase } from '../services/access.js'
import { officersInReach } from '../services/queries.js'
import { caseDeadlines, overduePage, type OverdueFilters } from '../services/deadlines/load.js'
import { DEADLINE_KINDS } from '../services/deadlines/rules.js'
import {
  overdueFilterValidator,
  publicationValidator,
  reverifyValidator,
} from '../validators/deadlines.js'
import { CASE_READERS, requireAnyRole, validate } from './helpers.js'

/** Roles that read a unit's overdue list (SPEC §3: per unit, for its head and statistician). */
const UNIT_LIST_ROLES = ['head', 'statistician'] as const

/** Overdue lists (mine / unit), publication acts and the re-verification interval of a case. */
export default class DeadlinesController {
  async mine(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, ['officer'], 'overdue_mine')
    const filters = await validate(ctx, overdueFilterValidator, ctx.request.qs())
    return this.render(ctx, { mine: true, kind: filters.kind ?? null }, filters, true, [])
  }

  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, UNIT_LIST_ROLES, 'overdue_unit')
    const filters = await validate(ctx, overdueFilterValidator, ctx.request.qs())
    const officers = await officersInReach(user)
    if (filters.officer_id && !officers.some((o) => o.id === filters.officer_id))
      throw new AccessDenied('outside_jurisdiction', { type: 'user', id: filters.officer_id })
    const query = { officerId: filters.officer_id ?? null, kind: filters.kind ?? null }
    return this.render(ctx, query, filters, false, officers)
  }

  /** One page read from the deadline facts in the database (never the whole list). */
  private async render(
    ctx: HttpContext,
    query: OverdueFilters,
    filters: any,
    mine: boolean,
    officers: any[]
  ) {
    const user = ctx.auth.getUserOrFail()
    const page = await overduePage(user, query, filters.page ?? 1)
    page.baseUrl(ctx.request.url()).queryString({ ...ctx.request.qs(), page: undefined })
    return ctx.view.render('cases/deadlines/overdue', {
      items: page,
      filters,
      mine,
      officers,
      kinds: DEADLINE_KINDS,
    })
  }

  async storePublication(ctx: HttpContext) {
    const body = await validate(ctx, publicationValidator)
    await new RecordPublication().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      action: body.action,
      effectiveDate: body.effective_date,
      reference: body.reference ?? null,
    })
    ctx.session.flash(
      'success',
      ctx.i18n.t('deadlines.publications.recorded', {
        action: ctx.i18n.t(`deadlines.publications.${body.action}`),
      })
    )
    return ctx.response.redirect().toRoute('cases.show', { id: ctx.params.id })
  }

  async reverify(ctx: HttpContext) {
    const body = await validate(ctx, reverifyValidator)
    const reason = body.reason === 'six_months' ? null : body.reason
    await new SetReverifyInterval().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), reason)
    ctx.session.flash('success', ctx.i18n.t('deadlines.reverify.saved'))
    return ctx.response.redirect().toRoute('cases.show', { id: ctx.params.id })
  }

  /** API: the deadlines of one case. */
  async apiShow(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'case')
    const c = await findReadableCase(user, ctx.params.id)
    const deadlines = await caseDeadlines(c)
    return {
      data: deadlines.map((d) => ({
        kind: d.kind,
        anchor: d.anchor,
        anchor_date: d.anchorDate,
        due_on: d.dueOn,
        met_on: d.metOn,
        state: d.state,
        days_late: d.daysLate,
        ...(d.months ? { months: d.months } : {}),
      })),
    }
  }
}
