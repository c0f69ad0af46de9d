/**
 * Produces the file of a case-list export job (xlsx or csv): the list streamed page by page into a temporary
 * file by the export plugin's list path, with the reader's current rights (the role is checked again here and
 * the scope is the list's own).
 */
import { rm } from 'node:fs/promises'
import { RuleViolation, today } from '#core'
import { Unit, type User } from '#accounts'
import type { ExportFormat } from '../types.js'
import { MIME } from './document.js'
import { requireExporter, translator } from './exporters.js'
import {
  caseListRenderOptions,
  caseListSource,
  CASE_LIST_TARGET,
  parseFilters,
} from './case_list_source.js'
import { tmpExportPath, type ProducedExport, type ProduceOptions } from './produce.js'

/** Formats a case list is exported to (a PDF of 200,000 rows is not a document). */
export const CASE_LIST_FORMATS: ExportFormat[] = ['xlsx', 'csv']

export function requireCaseListExporter(format: ExportFormat, locale: string) {
  const exporter = requireExporter(format)
  if (!CASE_LIST_FORMATS.includes(format) || !exporter.renderList) {
    throw new RuleViolation('exports.unsupported_format', {
      format,
      what: translator(locale)('exports.target.cases'),
    })
  }
  return exporter
}

export async function produceCaseListExport(
  user: User,
  input: { params: string | null; format: ExportFormat; locale: string; unitId: number },
  options: ProduceOptions = {}
): Promise<ProducedExport> {
  const exporter = requireCaseListExporter(input.format, input.locale)
  const filters = await parseFilters(input.params)
  const list = await caseListSource(user, filters, input.locale, options.pageSize ?? 1000)
  const path = await tmpExportPath(input.format)
  let written = 0
  try {
    await exporter.renderList!(list, {
      ...(await caseListRenderOptions(user, input.unitId, input.locale)),
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
  const unit = await Unit.findOrFail(input.unitId)
  const safe = unit.code.replace(/[^A-Za-z0-9_-]+/g, '-')
  return {
    target: CASE_LIST_TARGET,
    fileName: `danh-sach-viec-tha_${safe}_${today()}.${input.format}`,
    mime: MIME[input.format],
    body: null,
    path,
    rows: written,
    unit: { id: unit.id, code: unit.code, path: unit.path },
  }
}
