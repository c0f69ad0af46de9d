/**
 * Runs a confirmed batch: re-reads the kept file chunk by chunk, re-checks every record against the database
 * as it is now, and commits chunk by chunk (writer.ts) from the checkpoint on. At the end the submitted reports
 * the batch changed are marked revised (the existing mechanism of #periods) and the batch is closed, audited.
 */
import { transaction } from '#core'
import { sqlNow } from '../format.js'
import db from '@adonisjs/lucid/services/db'
import { recordAudit } from '#audit'
import { MarkSubmissionsRevised, statisticalYearOf, yearRange } from '#periods'
import ImportBatch from '../models/import_batch.js'
import { eachChunk } from './pipeline.js'
import { ImportLookup } from './lookup.js'
import { commitChunk } from './writer.js'
import { localPath } from './storage.js'
import { today } from '../../services/dates.js'

/**
 * submission_revisions are keyed by an edit request; an import batch is not one, so its revisions use this
 * offset + batch id (never a real edit request id) — the batch is named in the revision's audit row.
 */
export const IMPORT_REVISION_BASE = 1_000_000_000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export interface CommitOptions {
  chunkSize?: number
  /** pause after each chunk (tests of a killed process) */
  delayMs?: number
}

export async function runCommit(batch: ImportBatch, options: CommitOptions = {}) {
  const actorRow = await db
    .from('users')
    .where('id', batch.confirmedById ?? batch.userId)
    .select('id', 'email')
    .first()
  const actor = { id: Number(actorRow.id), email: String(actorRow.email) }
  const lookup = await new ImportLookup().load()
  const skip = batch.doneRecords
  let index = 0
  const path = await localPath(batch.fileKey)
  await eachChunk(
    path,
    batch.format,
    () => {},
    async (records) => {
      const start = index
      index += records.length
      if (index <= skip) return
      await commitChunk(batch, records.slice(Math.max(0, skip - start)), lookup, index, actor)
      if (options.delayMs) await sleep(options.delayMs)
    },
    options.chunkSize
  )
  await markRevised(batch, actor.id)
  await transaction(async (trx) => {
    await trx.from('import_batches').where('id', batch.id).update({
      status: 'committed',
      progress: 100,
      done_records: index,
      finished_at: sqlNow(),
      updated_at: sqlNow(),
    })
    await recordAudit(
      {
        actor: { id: actor.id, email: actor.email } as any,
        unit: { id: batch.unitId, path: batch.unitPath },
        action: 'import.committed',
        subjectType: 'import_batch',
        subjectId: batch.id,
        after: {
          file: batch.fileName,
          records: index,
          toCreate: batch.toCreate,
          toUpdate: batch.toUpdate,
        },
      },
      trx
    )
  })
}

/** Every submitted report covering a unit and day the batch wrote (from its earliest date to today) is revised. */
export async function markRevised(batch: ImportBatch, actorId: number) {
  const any = await db.from('submissions').select('id').first()
  if (!any) return
  const touched = await db
    .from('cases')
    .where('import_batch_id', batch.id)
    .groupBy('unit_id', 'unit_path')
    .select('unit_id', 'unit_path')
    .min('decision_date as first')
  const mark = new MarkSubmissionsRevised()
  const last = statisticalYearOf(today())
  for (const t of touched) {
    const first = String(t.first instanceof Date ? t.first.toISOString() : t.first).slice(0, 10)
    for (let year = statisticalYearOf(first); year <= last; year++) {
      const start = yearRange(year).start
      await mark.handle({
        unitId: Number(t.unit_id),
        unitPath: t.unit_path,
        effectiveDate: first > start ? first : start,
        editRequestId: IMPORT_REVISION_BASE + batch.id,
        actorId,
        caseId: null,
      })
    }
  }
}
