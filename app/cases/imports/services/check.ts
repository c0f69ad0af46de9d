/**
 * The dry run: every record of the kept file checked with the rules of the pages (simulate.ts) and the
 * importer's jurisdiction, classified (create / update / unchanged / rejected), errors stored per row with the
 * file's line number as they are found. Writes nothing but the batch's own report. A unit outside the
 * importer's reach stops the check: the batch is refused and the caller answers 403 (audited).
 */
import { sqlNow } from '../format.js'
import db from '@adonisjs/lucid/services/db'
import { reaches, type User } from '#accounts'
import { AccessDenied } from '#core'
import type ImportBatch from '../models/import_batch.js'
import { eachChunk, type Progress } from './pipeline.js'
import { readRows, parserError } from './reader.js'
import { ImportLookup } from './lookup.js'
import { key, recordHash, type ImportRecord, type RowError } from './record.js'
import { simulate, type Plan } from './simulate.js'
import type { Existing } from './lookup.js'

/** Roles that may import for a unit of their subtree (and see its batches). */
export const IMPORTER_ROLES = ['head', 'statistician'] as const

export type Verdict =
  | { action: 'create'; plan: Plan; hash: string }
  | { action: 'update'; plan: Plan; hash: string; existing: Existing }
  | { action: 'unchanged'; existing: Existing }
  | { action: 'rejected' }

/** Classifies one record against what the database holds (shared by the dry run and the commit). */
export function judge(
  record: ImportRecord,
  lookup: ImportLookup,
  existing: Map<string, Existing>,
  errors: RowError[]
): Verdict {
  const before = errors.length
  const plan = simulate(record, lookup, errors)
  if (!plan || errors.length > before) return { action: 'rejected' }
  const hash = recordHash(record)
  const found = existing.get(key(record.source, record.externalId))
  if (!found) return { action: 'create', plan, hash }
  if (found.hash === hash) return { action: 'unchanged', existing: found }
  const fail = (code: string) => {
    errors.push({ line: record.line, externalId: record.externalId, field: 'external_id', code })
    return { action: 'rejected' as const }
  }
  if (found.live) return fail('imports.errors.changed_since_import')
  if (found.unitId !== plan.unit.id) return fail('imports.errors.unit_changed')
  return { action: 'update', plan, hash, existing: found }
}

export interface CheckCounts {
  create: number
  update: number
  unchanged: number
  rejected: number
  errors: number
}

export interface CheckHooks {
  /** Called with the first error found (bench: time to first error). */
  onFirstError?: () => void
  /** Called after each chunk, once its errors are stored (the job's progress and heartbeat). */
  onProgress?: (progress: Progress, counts: CheckCounts) => Promise<void>
}

/** Rows of the file's beginning checked before the upload answers (header, and units against the reach). */
export const HEAD_ROWS = 200

/**
 * The synchronous part of the dry run: reads the header (a wrong template is refused at once) and the first
 * HEAD_ROWS rows; returns the first unit they name outside the importer's reach (the upload then answers 403).
 */
export async function checkHead(
  path: string,
  format: 'csv' | 'xlsx',
  user: User,
  limit = HEAD_ROWS
): Promise<{ id: number; code: string } | null> {
  const lookup = await new ImportLookup().load()
  let n = 0
  try {
    for await (const { raw } of readRows(path, format)) {
      const unit = lookup.unit((raw.unit_code ?? '').trim())
      if (unit && !reaches(user, unit, IMPORTER_ROLES)) return unit
      if (++n >= limit) break
    }
  } catch (error) {
    throw parserError(error)
  }
  return null
}

export async function checkBatch(
  batch: ImportBatch,
  user: User,
  path: string,
  hooks: CheckHooks = {}
) {
  const lookup = await new ImportLookup().load()
  const counts = { create: 0, update: 0, unchanged: 0, rejected: 0, errors: 0 }
  const codes = new Set<string>()
  let buffer: RowError[] = []
  const flush = async () => {
    if (!buffer.length) return
    const rows = buffer.map((e) => ({
      batch_id: batch.id,
      line: e.line,
      external_id: e.externalId?.slice(0, 128) ?? null,
      field: e.field,
      code: e.code,
      data: e.data ? JSON.stringify(e.data) : null,
    }))
    buffer = []
    await db.insertQuery().table('import_row_errors').multiInsert(rows)
  }
  const addError = async (e: RowError) => {
    if (counts.errors === 0) hooks.onFirstError?.()
    counts.errors++
    buffer.push(e)
    if (buffer.length >= 200) await flush()
  }
  const progress = await eachChunk(path, batch.format, addError, async (records, done) => {
    await lookup.prepare(records)
    for (const r of records) {
      const unit = lookup.unit((r.head.raw.unit_code ?? '').trim())
      if (unit && !reaches(user, unit, IMPORTER_ROLES)) {
        await addError({
          line: r.line,
          externalId: r.externalId,
          field: 'unit_code',
          code: 'imports.errors.outside_jurisdiction',
          data: { code: unit.code },
        })
        await flush()
        await db
          .from('import_batches')
          .where('id', batch.id)
          .update({
            status: 'refused',
            error_rows: counts.errors,
            message: `outside_jurisdiction:${unit.code}`,
            updated_at: sqlNow(),
          })
        throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: unit.id })
      }
      if (unit) codes.add(unit.code)
    }
    const existing = await lookup.existing(records)
    for (const r of records) {
      const errors: RowError[] = []
      const verdict = judge(r, lookup, existing, errors)
      for (const e of errors) await addError(e)
      counts[verdict.action === 'rejected' ? 'rejected' : verdict.action]++
    }
    await flush()
    await hooks.onProgress?.(done, counts)
  })
  await flush()
  Object.assign(batch, {
    status: 'checked',
    totalRows: progress.rows,
    totalRecords: progress.records,
    toCreate: counts.create,
    toUpdate: counts.update,
    unchanged: counts.unchanged,
    rejected: counts.rejected,
    errorRows: counts.errors,
    unitCodes: [...codes].sort().join(','),
  })
  await batch.save()
  return batch
}
