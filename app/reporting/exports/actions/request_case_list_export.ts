/**
 * Queues the export of the filtered case list ("Xuất danh sách" on /cases, issue 11). The reader is authorized
 * first — whoever may read the case list (a refusal is a 403 with an audit row) — then the filters are
 * validated like the list's; the job row (filters kept as JSON) and its audit event are written in one
 * transaction, then the runner is woken up. The rights are checked again when the job runs and on download.
 */
import { DateTime } from 'luxon'
import { transaction } from '#core'
import { Unit, type User } from '#accounts'
import { recordAudit } from '#audit'
import { caseFilterValidator } from '#cases'
import ExportJob from '../models/export_job.js'
import type { ExportFormat } from '../types.js'
import {
  authorizeCaseListExport,
  CASE_LIST_FORM,
  CASE_LIST_TARGET,
  keptFilters,
} from '../services/case_list_source.js'
import { requireCaseListExporter } from '../services/produce_case_list.js'
import { exportRunner } from '../services/job_runner.js'

export class RequestCaseListExport {
  async handle(
    user: User,
    input: { format: ExportFormat; locale: string; filters: Record<string, unknown> }
  ): Promise<ExportJob> {
    authorizeCaseListExport(user)
    const filters = keptFilters(
      await caseFilterValidator.validate(keptFilters(input.filters) as Record<string, unknown>)
    )
    requireCaseListExporter(input.format, input.locale)
    const unit = await Unit.findOrFail(user.unitId)
    const now = DateTime.utc()
    const job = await transaction(async (trx) => {
      const created = await ExportJob.create(
        {
          userId: user.id,
          unitId: user.unitId,
          unitPath: unit.path,
          form: CASE_LIST_FORM,
          target: CASE_LIST_TARGET,
          year: now.year,
          period: now.month,
          layout: null,
          rowKey: null,
          columnKey: null,
          params: JSON.stringify(filters),
          format: input.format,
          locale: input.locale === 'en' ? 'en' : 'vi',
          status: 'queued',
          progress: 0,
          createdAt: now,
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
          after: { form: CASE_LIST_FORM, target: CASE_LIST_TARGET, format: input.format, filters },
        },
        trx
      )
      return created
    })
    exportRunner.kick()
    return job
  }
}
