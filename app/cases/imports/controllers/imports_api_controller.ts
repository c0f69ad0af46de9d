import type { HttpContext } from '@adonisjs/core/http'
import { AccessDenied } from '#core'
import type ImportBatch from '../models/import_batch.js'
import { UploadImport } from '../actions/upload_import.js'
import { ConfirmImport } from '../actions/confirm_import.js'
import { IMPORTER_ROLES } from '../services/check.js'
import { receiveFile } from '../services/receive.js'
import { assertNotRefused, batchErrors, readableBatch } from './imports_controller.js'

export function batchJson(batch: ImportBatch) {
  return {
    id: batch.id,
    status: batch.status,
    file_name: batch.fileName,
    format: batch.format,
    units: batch.codes,
    rows: batch.totalRows,
    records: batch.totalRecords,
    summary: {
      create: batch.toCreate,
      update: batch.toUpdate,
      unchanged: batch.unchanged,
      rejected: batch.rejected,
      error_rows: batch.errorRows,
    },
    done_records: batch.doneRecords,
    /** percent: of the file's bytes read while `checking`, of the records written while committing */
    progress: batch.progress,
    confirmed_by_id: batch.confirmedById,
    can_confirm: batch.canConfirm,
  }
}

/**
 * API v1 for integrators moving data from a legacy system: POST /api/v1/imports (multipart `file`, `dry_run`,
 * default true) answers 202 at once with the batch id and its status URL (403 when the file's first rows name a
 * unit outside the importer's reach); the dry run runs in the background. With dry_run=false a head who may
 * confirm the batch has it committed when the dry run finds it clean. GET /api/v1/imports/:id gives its state,
 * progress and the first errors found so far (403 for a batch refused for a unit outside the reach).
 */
export default class ImportsApiController {
  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole(...IMPORTER_ROLES))
      throw new AccessDenied('not_importer', { type: 'import_batch' })
    const file = await receiveFile(ctx)
    const dry = String(ctx.request.input('dry_run', 'true')).toLowerCase()
    const batch = await new UploadImport().handle(user, file, ['false', '0', 'no'].includes(dry))
    const url = `/api/v1/imports/${batch.id}`
    ctx.response.header('location', url)
    return ctx.response.status(202).send({ data: { ...batchJson(batch), status_url: url } })
  }

  async show(ctx: HttpContext) {
    const batch = await readableBatch(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    assertNotRefused(batch)
    return { data: batchJson(batch), errors: await batchErrors(ctx, batch) }
  }

  async confirm(ctx: HttpContext) {
    const batch = await new ConfirmImport().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    return { data: batchJson(batch) }
  }
}
