import type { HttpContext } from '@adonisjs/core/http'
import { RuleViolation } from '#core'
import { CASE_READERS } from '#cases'
import { authorizeReportsArea } from '../../services/access.js'
import { formPlugin } from '../../plugin/loader.js'
import { DownloadExportJob, JobNotFound, ownJob } from '../actions/download_export_job.js'
import { ExportReport } from '../actions/export_report.js'
import { ListExportJobs } from '../actions/list_export_jobs.js'
import { RequestExportJob } from '../actions/request_export_job.js'
import { EXPORT_TTL_HOURS } from '../actions/run_export_job.js'
import type ExportJob from '../models/export_job.js'
import { exportJobValidator, exportQueryValidator } from '../validators/export_query.js'
import { sendAttachment, sendProduced } from './send_file.js'

const REFRESH_SECONDS = 3

function jobJson(job: ExportJob) {
  return {
    id: job.id,
    form: job.form,
    target: job.target,
    format: job.format,
    unitId: job.unitId,
    year: job.year,
    period: job.period,
    status: job.status,
    progress: job.progress,
    fileName: job.fileName,
    fileSize: job.fileSize,
    error: job.error,
    createdAt: job.createdAt?.toISO(),
    finishedAt: job.finishedAt?.toISO() ?? null,
    expiresAt: job.expiresAt?.toISO() ?? null,
    downloadUrl: job.downloadable ? `/reports/exports/${job.id}/download` : null,
  }
}

/** Exports in the reports area (session): direct downloads of a form, background jobs, my jobs, downloads. */
export default class ExportsController {
  /** GET /reports/forms/:id/export?format=… — a single form, produced right away. */
  async download(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const plugin = formPlugin(ctx.params.id)
    if (!plugin) return ctx.response.notFound()
    const input = await exportQueryValidator.validate(ctx.request.qs())
    if (plugin.definition.type === 'list') throw new RuleViolation('exports.use_background', {})
    const file = await new ExportReport().handle(
      user,
      { form: ctx.params.id, ...input, locale: ctx.i18n.locale, target: 'form' },
      'web'
    )
    return sendProduced(ctx, file)
  }

  /** POST /reports/exports — queue a background export (lists, drill-downs, or any form). */
  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const input = await ctx.request.validateUsing(exportJobValidator)
    const job = await new RequestExportJob().handle(user, {
      ...input,
      column: input.col,
      locale: ctx.i18n.locale,
    })
    if (ctx.request.accepts(['html', 'json']) === 'json')
      return ctx.response.status(202).send(jobJson(job))
    ctx.session.flash('success', ctx.i18n.t('exports.queued_flash'))
    return ctx.response.redirect().toRoute('reports.exports.index')
  }

  /** GET /reports/exports — my jobs with their progress. */
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    // A case reader without reports (an intake clerk) still follows the case-list exports it asked for.
    if (!user.hasRole(...CASE_READERS)) authorizeReportsArea(user)
    const jobs = await new ListExportJobs().handle(user)
    if (ctx.request.accepts(['html', 'json']) === 'json')
      return { data: jobs.map(({ job }) => jobJson(job)) }
    const pending = jobs.some(({ job }) => job.status === 'queued' || job.status === 'running')
    return ctx.view.render('reporting/exports', {
      jobs,
      pending,
      refreshSeconds: REFRESH_SECONDS,
      ttlHours: EXPORT_TTL_HOURS,
    })
  }

  /** GET /reports/exports/:job — one of my jobs as JSON (for polling). */
  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    try {
      return jobJson(await ownJob(user, Number(ctx.params.job)))
    } catch (error) {
      if (error instanceof JobNotFound)
        return ctx.response.notFound({ errors: [{ code: 'E_NOT_FOUND' }] })
      throw error
    }
  }

  /** GET /reports/exports/:job/download — the file, to its owner only. */
  async file(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    try {
      const { job, stream, mime } = await new DownloadExportJob().handle(
        user,
        Number(ctx.params.job)
      )
      return sendAttachment(ctx, job.fileName ?? `export-${job.id}.${job.format}`, mime, stream)
    } catch (error) {
      if (error instanceof JobNotFound) return ctx.response.notFound()
      throw error
    }
  }
}
