/**
 * The dry run as a background job (run by the import runner, runner.ts). The upload has already kept the file,
 * checked its header and its first rows (check.ts `checkHead`) and answered; the job reads the whole file
 * streaming, stores each chunk's row errors as it goes and beats progress (share of the file's bytes read) and
 * the running counts into the batch, guarded by `claimed_by = me` (an instance that lost its claim stops).
 *
 * Resumable: the dry run writes nothing but the batch's own report, so a job taken over after its process died
 * (stale heartbeat) clears that report and checks the file again from its first row — nothing is duplicated.
 * A unit outside the importer's reach found past the first rows ends the batch `refused` with an audited
 * `access.denied` row; the batch page and GET /api/v1/imports/:id then answer 403.
 */
import { sqlNow } from '../format.js'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import ImportBatch from '../models/import_batch.js'
import { checkBatch, type CheckHooks } from './check.js'
import { localPath, releaseLocalPath } from './storage.js'

export class LostClaim extends Error {}

const affected = (result: unknown) => (Array.isArray(result) ? Number(result[0]) : Number(result))

export async function runDryRun(
  batchId: number,
  instanceId: string,
  hooks: CheckHooks = {}
): Promise<ImportBatch> {
  const batch = await ImportBatch.findOrFail(batchId)
  const user = await User.findOrFail(batch.userId)
  await user.loadAccess()
  await db.from('import_row_errors').where('batch_id', batch.id).delete()
  await db.from('import_batches').where('id', batch.id).update({
    total_rows: 0,
    total_records: 0,
    error_rows: 0,
    progress: 0,
    updated_at: sqlNow(),
  })
  const path = await localPath(batch.fileKey)
  try {
    await checkBatch(batch, user, path, {
      onFirstError: hooks.onFirstError,
      onProgress: async (progress, counts) => {
        const percent = batch.fileSize
          ? Math.min(99, Math.floor((progress.bytes * 100) / batch.fileSize))
          : 0
        const result = await db
          .from('import_batches')
          .where('id', batch.id)
          .where('status', 'checking')
          .where('claimed_by', instanceId)
          .update({
            total_rows: progress.rows,
            total_records: progress.records,
            to_create: counts.create,
            to_update: counts.update,
            unchanged: counts.unchanged,
            rejected: counts.rejected,
            error_rows: counts.errors,
            progress: percent,
            heartbeat_at: sqlNow(),
            updated_at: sqlNow(),
          })
        if (affected(result) !== 1) throw new LostClaim(`import batch ${batch.id}: claim lost`)
        await hooks.onProgress?.(progress, counts)
      },
    })
  } catch (error) {
    if (error instanceof AccessDenied) {
      await recordAudit({
        actor: user,
        unit: { id: user.unitId, path: user.unit.path },
        action: 'access.denied',
        outcome: 'refused',
        subjectType: error.subject?.type ?? 'unit',
        subjectId: error.subject?.id ?? null,
        after: { reason: error.reason, batch: batch.id },
      })
      return batch
    }
    if (error instanceof RuleViolation) {
      await db
        .from('import_batches')
        .where('id', batch.id)
        .update({
          status: 'failed_check',
          message: JSON.stringify({ key: error.key, data: error.data }),
          updated_at: sqlNow(),
        })
      return batch
    }
    throw error
  } finally {
    await releaseLocalPath(path) // only a copy from a remote disk
  }
  await db.from('import_batches').where('id', batch.id).update({ progress: 100 })
  await recordAudit({
    actor: user,
    unit: { id: user.unitId, path: user.unit.path },
    action: 'import.checked',
    subjectType: 'import_batch',
    subjectId: batch.id,
    after: {
      toCreate: batch.toCreate,
      toUpdate: batch.toUpdate,
      unchanged: batch.unchanged,
      rejected: batch.rejected,
      errorRows: batch.errorRows,
    },
  })
  // POST /api/v1/imports with dry_run=false by a head who may confirm: commit at once when clean
  if (batch.confirmedById && batch.canConfirm) {
    const head = await User.findOrFail(batch.confirmedById)
    await head.loadAccess()
    const { ConfirmImport } = await import('../actions/confirm_import.js')
    await new ConfirmImport().handle(head, batch.id).catch(() => {})
  }
  return batch
}
