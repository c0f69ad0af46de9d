import type { HttpContext } from '@adonisjs/core/http'
import { Unit, ROLES, reaches, scopeToReach } from '#accounts'
import { AccessDenied, today } from '#core'
import EditRequest from '../models/edit_request.js'
import YearClosure from '../models/year_closure.js'
import { FILER_ROLES, mayCloseYear, mayListRequests } from '../access.js'
import { closeYearValidator, overviewValidator } from '../validators/periods.js'
import { CloseStatisticalYear } from '../actions/close_statistical_year.js'
import {
  periodsOf,
  statisticalYearOf,
  monthCloseDate,
  yearRange,
  graceWorkingDays,
} from '../services/periods.js'
import { lockStatus } from '../services/lock.js'

/** The periods overview (what is open for a unit, and why) and the year closings. */
export default class PeriodsController {
  async index({ request, view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const filters = await overviewValidator.validate(request.qs())
    const day = today()
    const currentYear = statisticalYearOf(day)
    const year = filters.year ?? currentYear
    const unit = filters.unit_id ? await Unit.find(filters.unit_id) : user.unit
    if (!unit) throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: filters.unit_id })
    if (!reaches(user, unit, ROLES))
      throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: unit.id })

    const months = []
    for (const period of periodsOf(year)) {
      const start = `${period.end.slice(0, 7)}-01`
      const closesAfter = await monthCloseDate(start)
      const status =
        start > day
          ? { reason: 'future' as const }
          : await lockStatus(unit.id, start, { actorId: user.id, today: day })
      months.push({ period, month: period.end.slice(0, 7), start, closesAfter, status })
    }
    const exceptions = await EditRequest.query()
      .where('requested_by_id', user.id)
      .where('status', 'approved')
      .where('exception_until', '>=', day)
      .preload('unit')
      .orderBy('exception_until')
    const units = await scopeToReach(
      Unit.query().whereNull('valid_to').orderBy('path').limit(500),
      user,
      ROLES
    )
    return view.render('periods/index', {
      mayListRequests: mayListRequests(user),
      mayFile: user.hasRole(...FILER_ROLES),
      unit,
      units,
      year,
      years: Array.from({ length: 6 }, (_, i) => currentYear - i),
      months,
      exceptions,
      today: day,
      grace: graceWorkingDays(),
      closure: await YearClosure.find(year),
    })
  }

  async years({ view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const day = today()
    const current = statisticalYearOf(day)
    const closures = new Map(
      (await YearClosure.query().preload('closedBy')).map((c) => [c.year, c])
    )
    const years = Array.from({ length: 6 }, (_, i) => current - i).map((y) => ({
      year: y,
      ...yearRange(y),
      ended: day > yearRange(y).end,
      closure: closures.get(y) ?? null,
    }))
    return view.render('periods/years', { years, canClose: mayCloseYear(user), today: day })
  }

  async closeYear({ params, request, response, auth, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const year = Number(params.year)
    if (!mayCloseYear(user))
      throw new AccessDenied('forbidden', { type: 'statistical_year', id: year })
    const { note } = await request.validateUsing(closeYearValidator)
    await new CloseStatisticalYear().handle(user, year, note ?? null)
    session.flash('success', i18n.t('periods.years.closed_ok', { year }))
    return response.redirect().toRoute('periods.years.index')
  }
}
