/**
 * Hands a finished export to its owner, and to nobody else: another user is refused with AccessDenied
 * (403 + audit row), even with the same rights. The owner's report rights are checked again (a reader who
 * lost the jurisdiction since the request gets nothing). Every download is audited.
 */
import type { Readable } from 'node:stream'
import drive from '@adonisjs/drive/services/main'
import { AccessDenied, RuleViolation } from '#core'
import type { User } from '#accounts'
import { recordAudit } from '#audit'
import { authorizeReport } from '../../services/access.js'
import ExportJob from '../models/export_job.js'
import { authorizeCaseListExport } from '../services/case_list_source.js'
import { MIME } from '../services/document.js'
import type { ExportFormat } from '../types.js'

export class JobNotFound extends Error {}

/** The job if `user` owns it; refuses (audited) otherwise. */
export async function ownJob(user: User, id: number): Promise<ExportJob> {
  const job = await ExportJob.find(id)
  if (!job) throw new JobNotFound(`export job ${id}`)
  if (job.userId !== user.id)
    throw new AccessDenied('not_owner', { type: 'export_job', id: job.id })
  return job
}

export class DownloadExportJob {
  async handle(
    user: User,
    id: number
  ): Promise<{ job: ExportJob; stream: Readable; mime: string }> {
    const job = await ownJob(user, id)
    if (job.target === 'cases') authorizeCaseListExport(user)
    else authorizeReport(user, { id: job.unitId, path: job.unitPath })
    if (!job.downloadable) throw new RuleViolation('exports.not_ready', { id })
    const stream = await drive.use('fs').getStream(job.filePath!)
    await recordAudit({
      actor: user,
      unit: { id: job.unitId, path: job.unitPath },
      action: 'reporting.export.download',
      subjectType: 'export_job',
      subjectId: job.id,
      after: {
        via: 'job',
        form: job.form,
        target: job.target,
        format: job.format,
        year: job.year,
        period: job.period,
        file: job.fileName,
      },
    })
    return { job, stream, mime: MIME[job.format as ExportFormat] ?? 'application/octet-stream' }
  }
}
