import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { FILTER_KEYS } from '../actions/save_case_filter.js'
import {
  CASE_STATUSES,
  EVENT_RULES,
  GROUNDS,
  manualEventsFrom,
  isOpen,
  isTerminal,
} from '../state_machine.js'
import {
  caseFilterValidator,
  eventValidator,
  moneyValidator,
  assignValidator,
} from '../validators/cases.js'
import { caseDetail, officersOf, officersInReach } from '../services/queries.js'
import { listCasePage, officersForFilter } from '../services/case_list.js'
import { canRecord, isHeadOf } from '../services/access.js'
import { recordEventFrom, recordMoneyFrom } from '../services/inputs.js'
import { AssignOfficer } from '../actions/assign_officer.js'
import { today } from '../services/dates.js'
import { CASE_READERS, requireAnyRole, validate } from './helpers.js'

/** A link to the same list with some parameters changed (undefined drops one); cursors never carry over. */
function listUrl(path: string, qs: Record<string, unknown>) {
  return (changes: Record<string, unknown> = {}) => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries({
      ...qs,
      after: undefined,
      before: undefined,
      page: undefined,
      ...changes,
    }))
      if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
    const text = params.toString()
    return text ? `${path}?${text}` : path
  }
}

/** The list's filter and sort parameters (what a saved filter keeps). */
function filterFields(qs: Record<string, unknown>) {
  return Object.fromEntries(
    FILTER_KEYS.filter((k) => qs[k] !== undefined && qs[k] !== '').map((k) => [k, String(qs[k])])
  )
}

/** Case list, "my cases", the case page and its action forms. */
export default class CasesController {
  async index(ctx: HttpContext) {
    return this.list(ctx, false)
  }

  async mine(ctx: HttpContext) {
    return this.list(ctx, true)
  }

  private async list(ctx: HttpContext, mine: boolean) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, mine ? ['officer'] : CASE_READERS, 'case_list')
    const filters = await validate(ctx, caseFilterValidator, ctx.request.qs())
    const cases = await listCasePage(user, filters, { mine })
    const officers = mine
      ? []
      : app.inTest
        ? await officersInReach(user)
        : await officersForFilter(user, async (u) => await officersInReach(u))
    return ctx.view.render('cases/cases/index', {
      cases,
      filters,
      officers,
      mine,
      statuses: CASE_STATUSES,
      listUrl: listUrl(ctx.request.url(), ctx.request.qs()),
      savedFilters: mine
        ? []
        : await db
            .from('saved_case_filters')
            .where('user_id', user.id)
            .orderBy('name')
            .select('id', 'name', 'query'),
      currentFilter: Object.entries(filterFields(ctx.request.qs())),
    })
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'case')
    const detail = await caseDetail(user, ctx.params.id)
    const c = detail.case
    const recordable = canRecord(user, c)
    const head = isHeadOf(user, c.unitId) && isOpen(c.status)
    // `case` is a reserved word in the templates' JavaScript: the case is `c` there.
    return ctx.view.render('cases/cases/show', {
      c,
      events: detail.events,
      assignments: detail.assignments,
      names: detail.names,
      allowedEvents: recordable ? manualEventsFrom(c.status) : [],
      rules: EVENT_RULES,
      grounds: GROUNDS,
      money: detail.money,
      canCollect: recordable && !isTerminal(c.status),
      canPay: recordable && c.held > 0,
      canRecordMoney: recordable,
      officers: head ? await officersOf(c.unitId) : [],
      canAssign: head,
      today: today(),
    })
  }

  async storeEvent(ctx: HttpContext) {
    const body = await validate(ctx, eventValidator)
    await recordEventFrom(ctx.auth.getUserOrFail(), Number(ctx.params.id), body)
    ctx.session.flash(
      'success',
      ctx.i18n.t('cases.event_recorded', { event: ctx.i18n.t(`cases.events.${body.type}`) })
    )
    return ctx.response.redirect().toRoute('cases.show', { id: ctx.params.id })
  }

  async storeMoney(ctx: HttpContext) {
    const body = await validate(ctx, moneyValidator)
    await recordMoneyFrom(ctx.auth.getUserOrFail(), Number(ctx.params.id), body)
    ctx.session.flash('success', ctx.i18n.t('cases.money_recorded'))
    return ctx.response.redirect().toRoute('cases.show', { id: ctx.params.id })
  }

  async assign(ctx: HttpContext) {
    const body = await validate(ctx, assignValidator)
    await new AssignOfficer().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id), {
      officerId: body.officer_id,
      effectiveDate: body.effective_date,
      note: body.note ?? null,
    })
    ctx.session.flash('success', ctx.i18n.t('cases.officer_assigned'))
    return ctx.response.redirect().toRoute('cases.show', { id: ctx.params.id })
  }
}
