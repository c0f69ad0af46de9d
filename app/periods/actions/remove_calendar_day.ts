import type { User } from '#accounts'
import { AccessDenied, RuleViolation, calendarChanged, transaction } from '#core'
import { recordAudit } from '#audit'
import { mayManageCalendar } from '../access.js'

/** The national admin removes a day off or a make-up working day entered by mistake. */
export class RemoveCalendarDay {
  async handle(actor: User, day: string) {
    await transaction(async (trx) => {
      if (!mayManageCalendar(actor))
        throw new AccessDenied('forbidden', { type: 'calendar_day', id: day })
      const holiday = await trx.from('holidays').where('day', day).first()
      const makeUp = holiday
        ? null
        : await trx.from('make_up_working_days').where('day', day).first()
      if (!holiday && !makeUp) throw new RuleViolation('periods.holidays.errors.not_found', { day })
      await trx
        .from(holiday ? 'holidays' : 'make_up_working_days')
        .where('day', day)
        .delete()
      const before = { kind: holiday ? 'holiday' : 'make_up', day, name: (holiday ?? makeUp).name }
      await recordAudit(
        {
          actor,
          unit: actor.unit,
          action: 'calendar.day_removed',
          subjectType: 'calendar_day',
          subjectId: day,
          before,
        },
        trx
      )
    })
    await calendarChanged(day)
  }
}
