/**
 * Direct download of an export (no job): a form from its page or the API, or a list through the API.
 * Authorized exactly like the report itself (see produceExport), and audited as `reporting.export.download`.
 */
import type { User } from '#accounts'
import { recordAudit } from '#audit'
import { produceExport, type ExportRequest, type ProducedExport } from '../services/produce.js'

export class ExportReport {
  async handle(user: User, input: ExportRequest, via: 'web' | 'api'): Promise<ProducedExport> {
    const file = await produceExport(user, input)
    await recordAudit({
      actor: user,
      unit: { id: file.unit.id, path: file.unit.path },
      action: 'reporting.export.download',
      subjectType: 'form',
      subjectId: input.form,
      after: {
        via,
        format: input.format,
        target: file.target,
        unit: file.unit.code,
        year: input.year,
        period: input.period,
        by: input.by ?? null,
        row: input.row ?? null,
        column: input.column ?? null,
        file: file.fileName,
        rows: file.rows,
      },
    })
    return file
  }
}
