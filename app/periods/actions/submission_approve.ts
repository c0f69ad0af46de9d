import type { User } from '#accounts'
import { RuleViolation, transaction } from '#core'
import type Submission from '../models/submission.js'
import { deny, mayApprove } from '../services/submission_access.js'
import {
  addDecision,
  auditSubmission,
  loadSubmission,
  newestOfChain,
} from '../services/submission_store.js'

/**
 * The first step after submitting: the unit's head approves its unit or province report (from then on the
 * period's dates read 'submitted' in the lock check); an officer's row is approved by its unit's head or
 * statistician.
 */
export class ApproveSubmission {
  async handle(actor: User, submissionId: number): Promise<Submission> {
    return transaction(async (trx) => {
      const submission = await loadSubmission(submissionId, trx)
      if (!mayApprove(actor, submission))
        deny(actor, { type: 'submission', id: submission.id }, submission.unitPath)
      if (submission.status !== 'submitted')
        throw new RuleViolation('submissions.errors.wrong_state', { status: submission.status })
      const newest = await newestOfChain(submission, trx)
      if (newest && newest.id !== submission.id)
        throw new RuleViolation('submissions.errors.superseded', { version: newest.version })
      await addDecision(trx, submission, 'approved', actor, null)
      await auditSubmission(
        trx,
        actor,
        submission,
        'approved',
        { status: 'submitted' },
        { status: 'approved', version: submission.version }
      )
      return loadSubmission(submission.id, trx)
    })
  }
}
