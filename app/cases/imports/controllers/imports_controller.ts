import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { Unit, reaches, scopeToReach, type User } from '#accounts'
import { AccessDenied, RuleViolation, localizeMessageData } from '#core'
import { recordAudit } from '#audit'
import ImportBatch from '../models/import_batch.js'
import { UploadImport } from '../actions/upload_import.js'
import { ConfirmImport } from '../actions/confirm_import.js'
import { RollbackImport } from '../actions/rollback_import.js'
import { IMPORTER_ROLES } from '../services/check.js'
import { receiveFile } from '../services/receive.js'
import { errorFileStream, errorsByLine } from '../services/error_file.js'
import { localPath, importMaxMb } from '../services/storage.js'
import { rowsStream, templateCsv, templateXlsx } from '../services/templates.js'
import { exportRows } from '../services/export.js'
import { contentDisposition } from '../../services/attachments/storage.js'

export const EXPORT_ROLES = ['admin', 'head', 'statistician', 'inspector'] as const
export const SAMPLE_FILE = 'docs/samples/historical-import-badinh.csv'

export function translator(ctx: HttpContext) {
  return (code: string, data: Record<string, unknown>) =>
    ctx.i18n.t(code, localizeMessageData(code, data, ctx.i18n))
}

/**
 * A batch the user may see: its uploader, an importer whose reach covers the uploader's unit, or an importer
 * whose reach covers every unit the file names (the district head who confirms a province's upload).
 */
export async function readableBatch(user: User, id: number): Promise<ImportBatch> {
  const batch = await ImportBatch.findOrFail(id)
  if (batch.userId === user.id || reaches(user, { path: batch.unitPath }, IMPORTER_ROLES))
    return batch
  const units = batch.codes.length ? await Unit.query().whereIn('code', batch.codes) : []
  if (units.length && units.every((u) => reaches(user, u, IMPORTER_ROLES))) return batch
  throw new AccessDenied('outside_jurisdiction', { type: 'import_batch', id: batch.id })
}

/** A batch refused for a unit outside its importer's reach answers 403 (audited) on its page and the API. */
export function assertNotRefused(batch: ImportBatch) {
  if (batch.status === 'refused')
    throw new AccessDenied('outside_jurisdiction', { type: 'import_batch', id: batch.id })
}

export async function batchErrors(ctx: HttpContext, batch: ImportBatch, limit = 200) {
  const t = translator(ctx)
  const rows = await ImportBatch.query()
    .client.from('import_row_errors')
    .where('batch_id', batch.id)
    .orderBy('line')
    .orderBy('id')
    .limit(limit)
  return rows.map((r: any) => ({
    line: Number(r.line),
    external_id: r.external_id,
    field: r.field,
    code: r.code,
    message: t(r.code, r.data ? JSON.parse(r.data) : {}),
  }))
}

/** The import pages: templates, upload, dry-run report, confirmation, progress, rollback, export. */
export default class ImportsController {
  async index({ view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const batches = await scopeToReach(ImportBatch.query(), user, IMPORTER_ROLES, 'unit_path')
      .orWhere('user_id', user.id)
      .orderBy('id', 'desc')
      .limit(50)
    const canImport = user.hasRole(...IMPORTER_ROLES)
    const units = await scopeToReach(Unit.query().orderBy('path'), user, EXPORT_ROLES).limit(1000)
    return view.render('imports/index', { batches, canImport, units, maxMb: importMaxMb() })
  }

  async template({ params, response }: HttpContext) {
    if (params.format === 'xlsx') {
      response.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      )
      response.header('content-disposition', contentDisposition('mau-nhap-lieu-lich-su.xlsx'))
      return response.send(await templateXlsx())
    }
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', contentDisposition('mau-nhap-lieu-lich-su.csv'))
    return response.send(templateCsv())
  }

  async sample({ response }: HttpContext) {
    response.header('content-type', 'text/csv; charset=utf-8')
    return response.download(app.makePath(SAMPLE_FILE))
  }

  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole(...IMPORTER_ROLES))
      throw new AccessDenied('not_importer', { type: 'import_batch' })
    const file = await receiveFile(ctx)
    const batch = await new UploadImport().handle(user, file)
    return ctx.response.redirect().toRoute('imports.show', { id: batch.id })
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const batch = await readableBatch(user, Number(ctx.params.id))
    assertNotRefused(batch)
    const errors = await batchErrors(ctx, batch)
    const running = ['checking', 'confirmed', 'committing', 'rolling_back'].includes(batch.status)
    let message = batch.message
    if (message?.startsWith('{')) {
      const { key, data } = JSON.parse(message)
      message = translator(ctx)(key, data ?? {})
    }
    return ctx.view.render('imports/show', { batch, errors, running, user, message })
  }

  async errors(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const batch = await readableBatch(user, Number(ctx.params.id))
    const map = await errorsByLine(batch.id, translator(ctx))
    const name = batch.fileName.replace(/\.(csv|xlsx)$/i, '') + `-loi.${batch.format}`
    ctx.response.header(
      'content-type',
      batch.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    ctx.response.header('content-disposition', contentDisposition(name))
    return ctx.response.stream(errorFileStream(batch, await localPath(batch.fileKey), map))
  }

  async confirm(ctx: HttpContext) {
    const batch = await new ConfirmImport().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    ctx.session.flash('success', ctx.i18n.t('imports.flash.confirmed'))
    return ctx.response.redirect().toRoute('imports.show', { id: batch.id })
  }

  async rollback(ctx: HttpContext) {
    const batch = await new RollbackImport().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    ctx.session.flash('success', ctx.i18n.t('imports.flash.rollback'))
    return ctx.response.redirect().toRoute('imports.show', { id: batch.id })
  }

  /** The accepted cases of a unit subtree in the import format (streamed). */
  async export(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const code = String(ctx.request.input('unit', user.unit.code))
    const format = ctx.request.input('format') === 'xlsx' ? 'xlsx' : 'csv'
    const unit = await Unit.findBy('code', code)
    if (!unit) throw new RuleViolation('imports.errors.unknown_unit', { code })
    if (!reaches(user, unit, EXPORT_ROLES))
      throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: unit.id })
    await recordAudit({
      actor: user,
      unit: { id: unit.id, path: unit.path },
      action: 'import.exported',
      subjectType: 'unit',
      subjectId: unit.id,
      after: { format },
    })
    ctx.response.header(
      'content-type',
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    ctx.response.header('content-disposition', contentDisposition(`ho-so-${unit.code}.${format}`))
    return ctx.response.stream(rowsStream(exportRows(unit.path), format))
  }
}
