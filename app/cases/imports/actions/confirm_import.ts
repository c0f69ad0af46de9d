import { sqlNow } from '../format.js'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { User } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import ImportBatch from '../models/import_batch.js'
import { importRunner } from '../services/runner.js'

/**
 * The head who answers for the data (QĐ 380 Đ13.3): the head of the unit, or of the province for its districts —
 * every unit the file names must lie in the head's subtree.
 */
export async function assertConfirmingHead(
  actor: User,
  batch: ImportBatch,
  client: QueryClientContract = db.connection()
) {
  const subject = { type: 'import_batch', id: batch.id }
  if (!actor.hasRole('head')) throw new AccessDenied('not_unit_head', subject)
  const codes = batch.codes
  const units = codes.length ? await client.from('units').whereIn('code', codes).select('path') : []
  const base = actor.unit.path
  if (!units.length || units.some((u) => !String(u.path).startsWith(base)))
    throw new AccessDenied('outside_jurisdiction', subject)
}

/** Use case: the head confirms a checked batch without errors; the commit runs in the background. */
export class ConfirmImport {
  async handle(actor: User, batchId: number): Promise<ImportBatch> {
    return db
      .transaction(async (trx) => {
        const query = ImportBatch.query({ client: trx }).where('id', batchId)
        if (trx.dialect.name === 'mysql') query.forUpdate()
        const batch = await query.firstOrFail()
        await assertConfirmingHead(actor, batch, trx)
        if (!batch.canConfirm)
          throw new RuleViolation('imports.errors.not_confirmable', { status: batch.status })
        batch.useTransaction(trx)
        batch.merge({ status: 'confirmed', confirmedById: actor.id })
        await batch.save()
        await trx.from('import_batches').where('id', batch.id).update({ confirmed_at: sqlNow() })
        await recordAudit(
          {
            actor,
            unit: { id: batch.unitId, path: batch.unitPath },
            action: 'import.confirmed',
            subjectType: 'import_batch',
            subjectId: batch.id,
            before: { status: 'checked' },
            after: {
              status: 'confirmed',
              file: batch.fileName,
              toCreate: batch.toCreate,
              toUpdate: batch.toUpdate,
            },
          },
          trx
        )
        return batch
      })
      .then((batch) => {
        importRunner.kick()
        return batch
      })
  }
}
