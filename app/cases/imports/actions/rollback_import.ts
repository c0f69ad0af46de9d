import { sqlNow } from '../format.js'
import type { User } from '#accounts'
import { RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'
import ImportBatch from '../models/import_batch.js'
import { rollbackBlocker } from '../services/rollback.js'
import { importRunner } from '../services/runner.js'
import { assertConfirmingHead } from './confirm_import.js'

/**
 * Use case: the head rolls a committed batch back while nothing recorded later depends on it. The batch is
 * claimed `rolling_back` by this instance and undone in the background (resumable like a commit).
 */
export class RollbackImport {
  async handle(actor: User, batchId: number): Promise<ImportBatch> {
    const batch = await ImportBatch.findOrFail(batchId)
    await assertConfirmingHead(actor, batch)
    if (batch.status !== 'committed')
      throw new RuleViolation('imports.errors.not_committed', { status: batch.status })
    const blocker = await rollbackBlocker(batch)
    if (blocker) throw new RuleViolation(blocker.key)
    await transaction(async (trx) => {
      const done = await trx
        .from('import_batches')
        .where('id', batch.id)
        .where('status', 'committed')
        .update({
          status: 'rolling_back',
          rolled_back_by_id: actor.id,
          claimed_by: importRunner.instanceId,
          heartbeat_at: sqlNow(),
          updated_at: sqlNow(),
        })
      if (!(Array.isArray(done) ? Number(done[0]) : Number(done)))
        throw new RuleViolation('imports.errors.not_committed', { status: 'rolling_back' })
      await recordAudit(
        {
          actor,
          unit: { id: batch.unitId, path: batch.unitPath },
          action: 'import.rollback_requested',
          subjectType: 'import_batch',
          subjectId: batch.id,
          before: { status: 'committed' },
          after: { status: 'rolling_back' },
        },
        trx
      )
    })
    importRunner.kick()
    return batch
  }
}
