import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import type { User } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import ImportBatch from '../models/import_batch.js'
import { checkHead, IMPORTER_ROLES } from '../services/check.js'
import { importRunner } from '../services/runner.js'
import { checkZip, sniffFormat } from '../services/reader.js'
import {
  importDisk,
  importMaxMb,
  localPath,
  newImportKey,
  releaseLocalPath,
} from '../services/storage.js'
import { cleanFileName } from '../../services/attachments/storage.js'

export function assertImporter(user: User) {
  if (!user.hasRole(...IMPORTER_ROLES))
    throw new AccessDenied('not_importer', { type: 'import_batch' })
}

async function sha256(path: string) {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

/**
 * Use case: a statistician or head uploads an import file. The file is checked as a file (size, kind, zip
 * directory, header) and its first rows' units against the importer's reach, kept on the private disk, and the
 * batch is left `checking`: the dry run runs in the background (services/dry_run.ts) and stores its errors as it
 * goes. Returns at once; a unit outside the importer's reach in the first rows ends in 403 (audited) and a
 * refused batch (one found later refuses the batch from the job, see dry_run.ts).
 * `commitWhenClean`: the API's dry_run=false by a head — kept in confirmed_by_id until the job confirms.
 */
export class UploadImport {
  async handle(
    actor: User,
    file: { tmpPath: string; clientName: string; size: number } | null,
    commitWhenClean = false
  ): Promise<ImportBatch> {
    assertImporter(actor)
    if (!file?.tmpPath) throw new RuleViolation('imports.errors.missing_file')
    const name = cleanFileName(file.clientName)
    const size = (await stat(file.tmpPath)).size
    if (size === 0) throw new RuleViolation('imports.errors.empty_file')
    if (size > importMaxMb() * 1024 * 1024)
      throw new RuleViolation('imports.errors.too_large', { max: importMaxMb() })
    const format = await sniffFormat(file.tmpPath)
    const ext = name.toLowerCase().split('.').pop()
    if (!format || (ext !== 'csv' && ext !== 'xlsx'))
      throw new RuleViolation('imports.errors.not_supported', { name })
    if (ext === 'xlsx' && format !== 'xlsx') throw new RuleViolation('imports.errors.not_xlsx')
    if (ext === 'csv' && format !== 'csv') throw new RuleViolation('imports.errors.not_csv')
    if (format === 'xlsx') await checkZip(file.tmpPath, size)

    const key = newImportKey(format)
    await importDisk().moveFromFs(file.tmpPath, key)
    const path = await localPath(key)
    const batch = await ImportBatch.create({
      userId: actor.id,
      unitId: actor.unitId,
      unitPath: actor.unit.path,
      fileName: name,
      fileKey: key,
      format,
      fileSize: size,
      sha256: await sha256(path),
      status: 'checking',
      totalRows: 0,
      totalRecords: 0,
      toCreate: 0,
      toUpdate: 0,
      unchanged: 0,
      rejected: 0,
      errorRows: 0,
      doneRecords: 0,
      progress: 0,
    })
    await recordAudit({
      actor,
      unit: { id: actor.unitId, path: actor.unit.path },
      action: 'import.uploaded',
      subjectType: 'import_batch',
      subjectId: batch.id,
      after: { file: name, size, format, sha256: batch.sha256 },
    })
    let refused: { id: number; code: string } | null = null
    try {
      refused = await checkHead(path, format, actor)
    } catch (error) {
      if (error instanceof RuleViolation) {
        batch.merge({
          status: 'failed_check',
          message: JSON.stringify({ key: error.key, data: error.data }),
        })
        await batch.save()
      }
      throw error
    } finally {
      await releaseLocalPath(path) // only a copy from a remote disk
    }
    if (refused) {
      batch.merge({ status: 'refused', message: `outside_jurisdiction:${refused.code}` })
      await batch.save()
      throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: refused.id })
    }
    if (commitWhenClean && actor.hasRole('head')) {
      batch.confirmedById = actor.id
      await batch.save()
    }
    importRunner.kick()
    return batch
  }
}
