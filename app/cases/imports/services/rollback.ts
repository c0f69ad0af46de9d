/**
 * Rollback of a committed batch while nothing recorded later depends on it: no event or money recorded in the
 * software on its cases, no case delegated/withdrawn from them, no handover or attachment naming them, no later
 * batch that updated them. Cases the batch created are deleted whole; cases it updated get back the record they
 * had (kept in import_records.previous). One transaction per chunk of cases; the batch is `rolling_back` until
 * the last chunk, so a killed process resumes (every step is idempotent).
 */
import { sqlNow } from '../format.js'
import db from '@adonisjs/lucid/services/db'
import { RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'
import type ImportBatch from '../models/import_batch.js'
import { deleteCaseFacts, commitChunk } from './writer.js'
import { ImportLookup } from './lookup.js'
import { RecordGrouper, type ImportRecord } from './record.js'
import { markRevised } from './commit.js'
import type { RawRow } from '../format.js'

const PAGE = 200

/** Why the batch cannot be rolled back (the first reason found), or null. */
export async function rollbackBlocker(
  batch: ImportBatch
): Promise<{ key: string; data?: any } | null> {
  const ids = db.from('import_records').where('batch_id', batch.id).select('case_id')
  const checks: [string, any][] = [
    [
      'imports.errors.rollback_live_events',
      db.from('case_events').whereIn('case_id', ids).whereNull('import_batch_id'),
    ],
    [
      'imports.errors.rollback_live_events',
      db.from('money_entries').whereIn('case_id', ids).whereNull('import_batch_id'),
    ],
    [
      'imports.errors.rollback_later_batch',
      db.from('cases').whereIn('id', ids).whereNot('import_batch_id', batch.id),
    ],
    ['imports.errors.rollback_dependants', db.from('cases').whereIn('source_case_id', ids)],
    ['imports.errors.rollback_dependants', db.from('delegations').whereIn('case_id', ids)],
    ['imports.errors.rollback_dependants', db.from('handover_cases').whereIn('case_id', ids)],
  ]
  for (const [key, query] of checks) {
    const row = await query.select(db.raw('1 as x')).first()
    if (row) return { key }
  }
  return null
}

function toRecord(rows: RawRow[]): ImportRecord | null {
  const grouper = new RecordGrouper(() => {})
  rows.forEach((raw, i) => grouper.push(i + 2, raw))
  return grouper.end()
}

export async function runRollback(batch: ImportBatch, actor: { id: number; email: string }) {
  const lookup = await new ImportLookup().load()
  await markRevised(batch, actor.id)
  for (;;) {
    const page = await db
      .from('import_records as r')
      .join('cases as c', 'c.id', 'r.case_id')
      .where('r.batch_id', batch.id)
      .where('c.import_batch_id', batch.id)
      .orderBy('r.id')
      .limit(PAGE)
      .select('r.case_id', 'r.action', 'r.previous', 'r.previous_batch_id', 'c.judgment_id')
    if (!page.length) break
    const creates = page.filter((r) => r.action === 'create')
    await transaction(async (trx) => {
      const ids = creates.map((r) => Number(r.case_id))
      await deleteCaseFacts(trx, ids)
      await trx.from('import_records').whereIn('case_id', ids).delete()
      if (ids.length) await trx.from('cases').whereIn('id', ids).delete()
      const judgments = creates.map((r) => r.judgment_id).filter(Boolean)
      if (judgments.length) await trx.from('judgments').whereIn('id', judgments).delete()
    })
    for (const r of page.filter((x) => x.action === 'update')) {
      const record = toRecord(JSON.parse(r.previous))
      if (!record) continue
      // restore: rewrites the case as it was, tagged with the batch that had written it
      const previous = {
        id: Number(r.previous_batch_id),
        userId: batch.userId,
        confirmedById: batch.confirmedById,
        fileName: batch.fileName,
        totalRecords: 0,
      } as ImportBatch
      await lookup.prepare([record])
      await commitChunk(previous, [record], lookup, 0, actor, { restore: true })
    }
  }
  await transaction(async (trx) => {
    await trx.from('import_batches').where('id', batch.id).update({
      status: 'rolled_back',
      rolled_back_by_id: actor.id,
      finished_at: sqlNow(),
      updated_at: sqlNow(),
    })
    await recordAudit(
      {
        actor: actor as any,
        unit: { id: batch.unitId, path: batch.unitPath },
        action: 'import.rolled_back',
        subjectType: 'import_batch',
        subjectId: batch.id,
        after: { file: batch.fileName },
      },
      trx
    )
  })
}

export function assertRollbackable(blocker: { key: string } | null) {
  if (blocker) throw new RuleViolation(blocker.key)
}
