import { writeTransaction } from '../services/dates.js'
import type { User } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import Case from '../models/case.js'
import { isHeadOf } from '../services/access.js'

/** Use case: the head of the unit sends a submitted draft back to the clerk with a comment. */
export class RejectDecision {
  async handle(actor: User, caseId: number, input: { comment: string }): Promise<Case> {
    return writeTransaction(async (trx) => {
      const draft = await Case.query({ client: trx }).where('id', caseId).firstOrFail()
      if (!isHeadOf(actor, draft.unitId))
        throw new AccessDenied('not_unit_head', { type: 'case', id: draft.id })
      if (draft.draftStatus !== 'submitted') throw new RuleViolation('cases.errors.not_submitted')
      draft.merge({
        draftStatus: 'rejected',
        reviewedById: actor.id,
        reviewComment: input.comment.trim(),
      })
      draft.useTransaction(trx)
      await draft.save()
      await recordAudit(
        {
          actor,
          unit: { id: draft.unitId, path: draft.unitPath },
          action: 'case.draft_rejected',
          subjectType: 'case',
          subjectId: draft.id,
          before: { draftStatus: 'submitted' },
          after: { draftStatus: 'rejected', comment: draft.reviewComment },
        },
        trx
      )
      return draft
    })
  }
}
