import { DateTime } from 'luxon'
import type { User } from '#accounts'
import { AccessDenied, RuleViolation, today, transaction } from '#core'
import { recordAudit } from '#audit'
import YearClosure from '../models/year_closure.js'
import { mayCloseYear } from '../access.js'
import { yearRange } from '../services/periods.js'

/**
 * National staff close a statistical year (chốt số liệu): from then on its dates answer 'year_closed' and
 * only approved past-period exceptions can change them. Only a year that has ended can be closed.
 */
export class CloseStatisticalYear {
  async handle(actor: User, year: number, note: string | null): Promise<YearClosure> {
    return transaction(async (trx) => {
      if (!mayCloseYear(actor))
        throw new AccessDenied('forbidden', { type: 'statistical_year', id: year })
      const { end } = yearRange(year)
      if (today() <= end)
        throw new RuleViolation('periods.years.errors.not_ended', {
          year,
          end: `${end.slice(8, 10)}/${end.slice(5, 7)}/${end.slice(0, 4)}`,
        })
      if (await YearClosure.find(year, { client: trx }))
        throw new RuleViolation('periods.years.errors.already_closed', { year })
      const closure = await YearClosure.create(
        { year, closedById: actor.id, closedAt: DateTime.utc(), note },
        { client: trx }
      )
      await recordAudit(
        {
          actor,
          unit: actor.unit,
          action: 'periods.year.closed',
          subjectType: 'statistical_year',
          subjectId: year,
          after: { year, note },
        },
        trx
      )
      return closure
    })
  }
}
