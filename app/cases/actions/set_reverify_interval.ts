import { errors as lucidErrors } from '@adonisjs/lucid'
import type { User } from '#accounts'
import { RuleViolation } from '#core'
import { recordAudit } from '#audit'
import { lockCase } from '../services/case_lock.js'
import { assertCanRecord } from '../services/access.js'
import { writeTransaction } from '../services/dates.js'
import type { ReverifyReason } from '../services/deadlines/rules.js'
import { refreshCaseDeadlines } from '../services/deadlines/store.js'

/**
 * Use case: the assigned officer sets why a case without conditions is re-verified every 12 months instead
 * of 6 (debtor in prison with ≥ 2 years left, or address unknown), or clears it (null = 6 months).
 */
export class SetReverifyInterval {
  async handle(actor: User, caseId: number, reason: ReverifyReason | null) {
    return writeTransaction(async (trx) => {
      const c = await lockCase(trx, caseId)
      if (!c) throw new lucidErrors.E_ROW_NOT_FOUND()
      assertCanRecord(actor, c)
      if (c.status !== 'no_conditions')
        throw new RuleViolation('deadlines.errors.reverify_not_applicable')
      const row = await trx.from('cases').where('id', c.id).select('reverify_reason').first()
      await trx.from('cases').where('id', c.id).update({ reverify_reason: reason })
      await refreshCaseDeadlines(trx, c.id)
      await recordAudit(
        {
          actor,
          unit: { id: c.unitId, path: c.unitPath },
          action: 'case.reverify_interval_set',
          subjectType: 'case',
          subjectId: c.id,
          before: { reverifyReason: row?.reverify_reason ?? null },
          after: { reverifyReason: reason },
        },
        trx
      )
    })
  }
}
