/**
 * Queues a background export. The reader is authorized now — the same role + jurisdiction rule as the report
 * (authorizeReport; a refusal is a 403 with an audit row) — and again when the job runs and when the file is
 * downloaded. The job row and its audit event are written in one transaction; the runner is then woken up.
 */
import { DateTime } from 'luxon'
import { RuleViolation, transaction } from '#core'
import type { User } from '#accounts'
import { recordAudit } from '#audit'
import { authorizeReport } from '../../services/access.js'
import { unitByCodeOrId } from '../../services/context.js'
import ExportJob from '../models/export_job.js'
import { requireExporter, translator } from '../services/exporters.js'
import { exportRunner } from '../services/job_runner.js'
import { targetOf, type ExportRequest } from '../services/produce.js'

export class RequestExportJob {
  async handle(user: User, input: ExportRequest): Promise<ExportJob> {
    const target = targetOf(input)
    const unit = await unitByCodeOrId(input.unit)
    if (!unit) throw new RuleViolation('reporting.unknown_unit', { unit: input.unit })
    authorizeReport(user, unit)
    const exporter = requireExporter(input.format)
    if (target !== 'form' && !exporter.renderList) {
      throw new RuleViolation('exports.unsupported_format', {
        format: input.format,
        what: translator(input.locale)(`exports.target.${target}`),
      })
    }
    if (target === 'cell' && (input.row === undefined || input.row === null || !input.column)) {
      throw new RuleViolation('reporting.unknown_column', { column: input.column ?? '' })
    }
    const job = await transaction(async (trx) => {
      const created = await ExportJob.create(
        {
          userId: user.id,
          unitId: unit.id,
          unitPath: unit.path,
          form: input.form,
          target,
          year: input.year,
          period: input.period,
          layout: input.by ?? null,
          rowKey: target === 'cell' ? input.row! : null,
          columnKey: target === 'cell' ? input.column! : null,
          format: input.format,
          locale: input.locale === 'en' ? 'en' : 'vi',
          status: 'queued',
          progress: 0,
          createdAt: DateTime.utc(),
        },
        { client: trx }
      )
      await recordAudit(
        {
          actor: user,
          unit,
          action: 'reporting.export.requested',
          subjectType: 'export_job',
          subjectId: created.id,
          after: {
            form: input.form,
            target,
            format: input.format,
            unit: unit.code,
            year: input.year,
            period: input.period,
            row: created.rowKey,
            column: created.columnKey,
          },
        },
        trx
      )
      return created
    })
    exportRunner.kick()
    return job
  }
}
