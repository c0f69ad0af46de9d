import type { HttpContext } from '@adonisjs/core/http'
import { AccessDenied } from '#core'
import type ImportBatch from '../models/import_batch.js'
import { UploadImport } from '../actions/upload_import.js'
import { ConfirmImport, assertConfirmingHead } from '../actions/confirm_import.js'
import { IMPORTER_ROLES } from '../services/check.js'
import { receiveFile } from '../services/receive.js'
import { batchErrors, readableBatch } from './imports_controller.js'

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
    progress: batch.progress,
    confirmed_by_id: batch.confirmedById,
    can_confirm: batch.canConfirm,
  }
}

/**
 * API v1 for integrators moving data from a legacy system: POST /api/v1/imports (multipart `file`, `dry_run`,
 * default true) answers the dry run's summary and first errors; with dry_run=false a head who may confirm the
 * batch has it committed at once when it is clean. GET /api/v1/imports/:id gives its state and progress.
 */
export default class ImportsApiController {
  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole(...IMPORTER_ROLES))
      throw new AccessDenied('not_importer', { type: 'import_batch' })
    const file = await receiveFile(ctx)
    let batch = await new UploadImport().handle(user, file)
    const dry = String(ctx.request.input('dry_run', 'true')).toLowerCase()
    if (['false', '0', 'no'].includes(dry) && batch.canConfirm) {
      await assertConfirmingHead(user, batch)
      batch = await new ConfirmImport().handle(user, batch.id)
    }
    return ctx.response
      .status(201)
      .send({ data: batchJson(batch), errors: await batchErrors(ctx, batch) })
  }

  async show(ctx: HttpContext) {
    const batch = await readableBatch(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    return { data: batchJson(batch), errors: await batchErrors(ctx, batch) }
  }

  async confirm(ctx: HttpContext) {
    const batch = await new ConfirmImport().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    return { data: batchJson(batch) }
  }
}
