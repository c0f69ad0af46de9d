import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { AccessDenied, calendarBetween, today } from '#core'
import { mayManageCalendar } from '../access.js'
import { calendarDayValidator, calendarYearValidator } from '../validators/holidays.js'
import { AddCalendarDay } from '../actions/add_calendar_day.js'
import { RemoveCalendarDay } from '../actions/remove_calendar_day.js'

/** The working-day calendar: everyone reads it (deadlines count on it); the national admin maintains it. */
export default class HolidaysController {
  async index({ request, view, auth }: HttpContext) {
    const filters = await calendarYearValidator.validate(request.qs())
    const year = filters.year ?? Number(today().slice(0, 4))
    const { holidays, makeUpDays } = await calendarBetween(`${year}-01-01`, `${year}-12-31`)
    const rows = [
      ...holidays.map((h) => ({ ...h, kind: 'holiday' })),
      ...makeUpDays.map((h) => ({ ...h, kind: 'make_up' })),
    ].sort((a, b) => a.day.localeCompare(b.day))
    const weekday = (day: string) => DateTime.fromISO(day).weekday
    return view.render('periods/holidays', {
      year,
      rows: rows.map((r) => ({ ...r, weekday: weekday(r.day) })),
      canManage: mayManageCalendar(auth.getUserOrFail()),
    })
  }

  async store({ request, response, auth, session, i18n }: HttpContext) {
    if (!mayManageCalendar(auth.getUserOrFail()))
      throw new AccessDenied('forbidden', { type: 'calendar_day' })
    const input = await request.validateUsing(calendarDayValidator)
    const day = DateTime.fromJSDate(input.day).toISODate()!
    await new AddCalendarDay().handle(auth.getUserOrFail(), {
      kind: input.kind,
      day,
      name: input.name,
    })
    session.flash('success', i18n.t('periods.holidays.added'))
    return response
      .redirect()
      .toRoute('periods.holidays.index', {}, { qs: { year: day.slice(0, 4) } })
  }

  async destroy({ params, response, auth, session, i18n }: HttpContext) {
    await new RemoveCalendarDay().handle(auth.getUserOrFail(), params.day)
    session.flash('success', i18n.t('periods.holidays.removed'))
    return response
      .redirect()
      .toRoute('periods.holidays.index', {}, { qs: { year: String(params.day).slice(0, 4) } })
  }
}
