import type { User } from '#accounts'
import { AccessDenied, RuleViolation, calendarChanged, transaction } from '#core'
import { recordAudit } from '#audit'
import { mayManageCalendar } from '../access.js'

export type CalendarDayKind = 'holiday' | 'make_up'
const TABLES: Record<CalendarDayKind, string> = {
  holiday: 'holidays',
  make_up: 'make_up_working_days',
}

/** The national admin adds a day off (holiday, swapped or compensatory day) or a make-up working Saturday. */
export class AddCalendarDay {
  async handle(actor: User, input: { kind: CalendarDayKind; day: string; name: string }) {
    await transaction(async (trx) => {
      if (!mayManageCalendar(actor))
        throw new AccessDenied('forbidden', { type: 'calendar_day', id: input.day })
      const other = input.kind === 'holiday' ? 'make_up' : 'holiday'
      for (const kind of [input.kind, other] as const) {
        if (await trx.from(TABLES[kind]).where('day', input.day).first())
          throw new RuleViolation('periods.holidays.errors.exists', { day: input.day })
      }
      await trx.insertQuery().table(TABLES[input.kind]).insert({ day: input.day, name: input.name })
      await recordAudit(
        {
          actor,
          unit: actor.unit,
          action: 'calendar.day_added',
          subjectType: 'calendar_day',
          subjectId: input.day,
          after: input,
        },
        trx
      )
    })
    await calendarChanged(input.day)
  }
}
