import { writeTransaction } from '../services/dates.js'
import type { User } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import Case from '../models/case.js'
import { isClerkOf } from '../services/access.js'

/** Use case: the clerk sends a draft (or a corrected rejected draft) to the head's approval queue. */
export class SubmitDecision {
  async handle(actor: User, caseId: number): Promise<Case> {
    return writeTransaction(async (trx) => {
      const draft = await Case.query({ client: trx }).where('id', caseId).firstOrFail()
      if (!isClerkOf(actor, draft.unitId))
        throw new AccessDenied('intake_only', { type: 'case', id: draft.id })
      if (!['draft', 'rejected'].includes(draft.draftStatus))
        throw new RuleViolation('cases.errors.draft_locked')
      const before = draft.draftStatus
      draft.draftStatus = 'submitted'
      draft.useTransaction(trx)
      await draft.save()
      await recordAudit(
        {
          actor,
          unit: { id: draft.unitId, path: draft.unitPath },
          action: 'case.draft_submitted',
          subjectType: 'case',
          subjectId: draft.id,
          before: { draftStatus: before },
          after: { draftStatus: 'submitted' },
        },
        trx
      )
      return draft
    })
  }
}
