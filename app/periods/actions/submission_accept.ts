import type { User } from '#accounts'
import { RuleViolation, transaction } from '#core'
import type Submission from '../models/submission.js'
import { deny, mayAccept } from '../services/submission_access.js'
import {
  addDecision,
  auditSubmission,
  loadSubmission,
  newestOfChain,
  parentUnitId,
} from '../services/submission_store.js'

/** The parent level receives an approved report: the province a district's, the national level a province's. */
export class AcceptSubmission {
  async handle(actor: User, submissionId: number): Promise<Submission> {
    return transaction(async (trx) => {
      const submission = await loadSubmission(submissionId, trx)
      if (!mayAccept(actor, submission, await parentUnitId(submission.unitId, trx)))
        deny(actor, { type: 'submission', id: submission.id }, submission.unitPath)
      if (submission.status !== 'approved')
        throw new RuleViolation('submissions.errors.wrong_state', { status: submission.status })
      const newest = await newestOfChain(submission, trx)
      if (newest && newest.id !== submission.id)
        throw new RuleViolation('submissions.errors.superseded', { version: newest.version })
      await addDecision(trx, submission, 'accepted', actor, null)
      await auditSubmission(
        trx,
        actor,
        submission,
        'accepted',
        { status: 'approved' },
        { status: 'accepted', version: submission.version }
      )
      return loadSubmission(submission.id, trx)
    })
  }
}
