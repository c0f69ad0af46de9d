/**
 * Produces one export file for a reader: a computed form (in memory, small) or a list / drill-down (streamed
 * into a temporary file, page by page). Authorization is the reports' own: ComputeReport, ReadList and
 * OpenCell check role, jurisdiction, the officer's own row and the form's validity before anything is read.
 * Used by the direct downloads (pages, API) and by the job runner.
 */
import { mkdir, rm } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { RuleViolation } from '#core'
import { registerPrint } from '#audit'
import { Unit, type User } from '#accounts'
import { ComputeReport, type ReportRequest } from '../../actions/run_report.js'
import { formPlugin } from '../../plugin/loader.js'
import type { ExportFormat } from '../types.js'
import { exportFileName, MIME } from './document.js'
import { renderOptions, requireExporter, translator } from './exporters.js'
import { EXPORT_PAGE, listSource } from './list_source.js'

export type ExportTargetKind = 'form' | 'list' | 'cell'

export interface ExportRequest extends ReportRequest {
  format: ExportFormat
  locale: string
  /** form (default), or cell for the drill-down of (row, column); a list report is always a list. */
  target?: ExportTargetKind
  row?: number | null
  column?: string | null
}

export interface ProducedExport {
  /** `cases`: the filtered case list (produce_case_list.ts). */
  target: ExportTargetKind | 'cases'
  fileName: string
  mime: string
  /** The file in memory (forms) … */
  body: Buffer | null
  /** … or a temporary file the caller moves or deletes (lists). */
  path: string | null
  rows: number | null
  unit: { id: number; code: string; path: string }
}

export interface ProduceOptions {
  /** Called with 0–100 while a list is written. */
  onProgress?: (percent: number) => void | Promise<void>
  pageSize?: number
}

/** What an export of `input.form` is: a list report is always a list; otherwise form, or cell when asked. */
export function targetOf(input: Pick<ExportRequest, 'form' | 'target'>): ExportTargetKind {
  const plugin = formPlugin(input.form)
  if (!plugin) throw new RuleViolation('reporting.unknown_form', { form: input.form })
  if (plugin.definition.type === 'list') return 'list'
  return input.target === 'cell' ? 'cell' : 'form'
}

export async function tmpExportPath(format: ExportFormat): Promise<string> {
  const dir = app.tmpPath('exports')
  await mkdir(dir, { recursive: true })
  return join(dir, `${randomUUID()}.${format}`)
}

export async function produceExport(
  user: User,
  input: ExportRequest,
  options: ProduceOptions = {}
): Promise<ProducedExport> {
  const target = targetOf(input)
  const exporter = requireExporter(input.format)
  const t = translator(input.locale)
  if (target !== 'form' && !exporter.renderList) {
    throw new RuleViolation('exports.unsupported_format', {
      format: input.format,
      what: t(`exports.target.${target}`),
    })
  }
  const request: ReportRequest = {
    form: input.form,
    unit: input.unit,
    year: input.year,
    period: input.period,
    by: input.by,
  }

  if (target === 'form') {
    const { form, definition } = await new ComputeReport().handle(user, request)
    const unit = await Unit.findOrFail(form.unit.id)
    // A printed form stores its snapshot and carries its hash, the latest checkpoint and a verification QR code.
    const verification =
      input.format === 'pdf' || input.format === 'xlsx'
        ? await registerPrint({ form, unitPath: unit.path, format: input.format, actor: user })
        : null
    const body = await exporter.render(form, {
      ...(await renderOptions(user, form.unit.id, form.form.id, definition, input.locale)),
      verification,
    })
    await options.onProgress?.(100)
    return {
      target,
      fileName: exportFileName(form.form.id, form.unit.code, form.period, input.format),
      mime: MIME[input.format],
      body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
      path: null,
      rows: form.rows.length,
      unit: { id: unit.id, code: unit.code, path: unit.path },
    }
  }

  const list = await listSource(
    user,
    { ...request, target, row: input.row, column: input.column },
    options.pageSize ?? EXPORT_PAGE
  )
  const plugin = formPlugin(input.form)!
  const path = await tmpExportPath(input.format)
  let written = 0
  try {
    await exporter.renderList!(list, {
      ...(await renderOptions(user, list.unit.id, list.form.id, plugin.definition, input.locale)),
      output: path,
      onProgress: async (rows) => {
        written = rows
        await options.onProgress?.(
          list.total === 0 ? 99 : Math.min(99, Math.floor((rows * 100) / list.total))
        )
      },
    })
  } catch (error) {
    await rm(path, { force: true })
    throw error
  }
  await options.onProgress?.(100)
  const unit = await Unit.findOrFail(list.unit.id)
  const suffix = target === 'cell' ? `cell-${input.row ?? -1}-${input.column ?? ''}` : 'list'
  return {
    target,
    fileName: exportFileName(list.form.id, list.unit.code, list.period, input.format, suffix),
    mime: MIME[input.format],
    body: null,
    path,
    rows: written,
    unit: { id: unit.id, code: unit.code, path: unit.path },
  }
}
