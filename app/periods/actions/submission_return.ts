import type { User } from '#accounts'
import { RuleViolation, transaction } from '#core'
import type Submission from '../models/submission.js'
import { deny, mayReturn } from '../services/submission_access.js'
import {
  addDecision,
  auditSubmission,
  loadSubmission,
  newestOfChain,
  parentUnitId,
} from '../services/submission_store.js'

/**
 * Returns a version for correction with a reason: before approval by the approver, after approval by the
 * receiving level. The submitter then submits a new version; the returned one stays as it was.
 */
export class ReturnSubmission {
  async handle(actor: User, submissionId: number, reason: string): Promise<Submission> {
    return transaction(async (trx) => {
      const submission = await loadSubmission(submissionId, trx)
      const status = submission.status
      const parentId = await parentUnitId(submission.unitId, trx)
      const mayAct =
        mayReturn(actor, submission, 'submitted', parentId) ||
        mayReturn(actor, submission, 'approved', parentId)
      if (!mayAct) deny(actor, { type: 'submission', id: submission.id }, submission.unitPath)
      if (status !== 'submitted' && status !== 'approved')
        throw new RuleViolation('submissions.errors.wrong_state', { status })
      if (!mayReturn(actor, submission, status, parentId))
        deny(actor, { type: 'submission', id: submission.id }, submission.unitPath)
      const newest = await newestOfChain(submission, trx)
      if (newest && newest.id !== submission.id)
        throw new RuleViolation('submissions.errors.superseded', { version: newest.version })
      await addDecision(trx, submission, 'returned', actor, reason)
      await auditSubmission(
        trx,
        actor,
        submission,
        'returned',
        { status },
        { status: 'returned', reason, version: submission.version }
      )
      return loadSubmission(submission.id, trx)
    })
  }
}
