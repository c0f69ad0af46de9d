import { errors as lucidErrors } from '@adonisjs/lucid'
import type { User } from '#accounts'
import { RuleViolation, notifyCaseEvent } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import { lockCase } from '../services/case_lock.js'
import { assertCanRecord } from '../services/access.js'
import { assertPastDay, writeTransaction } from '../services/dates.js'
import { refreshCaseDeadlines } from '../services/deadlines/store.js'

export const PUBLICATION_ACTIONS = ['publish', 'update', 'remove'] as const
export type PublicationAction = (typeof PUBLICATION_ACTIONS)[number]

export interface PublicationInput {
  action: PublicationAction
  effectiveDate: string
  reference?: string | null
}

/**
 * Use case: the assigned officer records an act on the public list of debtors without conditions (Law
 * Art. 44a): publish or update while the case is without conditions, remove once published.
 */
export class RecordPublication {
  async handle(actor: User, caseId: number, input: PublicationInput) {
    assertPastDay(input.effectiveDate)
    return writeTransaction(async (trx) => {
      const c = await lockCase(trx, caseId)
      if (!c) throw new lucidErrors.E_ROW_NOT_FOUND()
      assertCanRecord(actor, c)
      if (input.effectiveDate < c.decisionDate!)
        throw new RuleViolation('deadlines.errors.before_source', { date: c.decisionDate })
      const last = await trx
        .from('case_publications')
        .where('case_id', c.id)
        .orderBy('effective_date', 'desc')
        .orderBy('id', 'desc')
        .first()
      const published = last && last.action !== 'remove'
      if (input.action !== 'remove' && c.status !== 'no_conditions')
        throw new RuleViolation('deadlines.errors.not_no_conditions', { status: c.status })
      if (input.action === 'publish' && published)
        throw new RuleViolation('deadlines.errors.already_published', {
          date: String(last.effective_date).slice(0, 10),
        })
      if (input.action !== 'publish' && !published)
        throw new RuleViolation('deadlines.errors.not_published', { action: input.action })
      if (last && input.effectiveDate < String(last.effective_date).slice(0, 10))
        throw new RuleViolation('deadlines.errors.before_source', {
          date: String(last.effective_date).slice(0, 10),
        })
      const { editRequestId } = await assertWritable(c.unitId, input.effectiveDate, {
        actorId: actor.id,
        caseId: c.id,
        trx,
      })
      const [id] = await trx
        .insertQuery()
        .table('case_publications')
        .insert({
          case_id: c.id,
          unit_id: c.unitId,
          unit_path: c.unitPath,
          action: input.action,
          effective_date: input.effectiveDate,
          reference: input.reference?.trim() || null,
          actor_id: actor.id,
          recorded_at: new Date(),
        })
        .returning('id')
      await refreshCaseDeadlines(trx, c.id)
      await recordAudit(
        {
          actor,
          unit: { id: c.unitId, path: c.unitPath },
          action: 'case.publication_recorded',
          subjectType: 'case',
          subjectId: c.id,
          after: {
            publicationId: typeof id === 'object' ? (id as { id: number }).id : id,
            action: input.action,
            effectiveDate: input.effectiveDate,
            reference: input.reference ?? null,
            editRequestId,
          },
        },
        trx
      )
      await notifyCaseEvent(
        {
          source: 'publication',
          type: input.action,
          caseId: c.id,
          unitId: c.unitId,
          unitPath: c.unitPath,
          eventId: null,
          effectiveDate: input.effectiveDate,
          statusBefore: c.status,
          statusAfter: c.status,
          actorId: actor.id,
        },
        trx
      )
    })
  }
}
