/**
 * Runs one job that this runner instance has claimed: produces the file with the requester's current rights
 * (a revoked account or a lost jurisdiction fails the job, and the refusal is audited), reports progress,
 * stores the file on the private drive disk and marks the job done — or failed with a readable reason.
 * Every update is conditional on `claimed_by`, so a job taken over elsewhere is never overwritten.
 */
import { stat } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import logger from '@adonisjs/core/services/logger'
import { AccessDenied, RuleViolation } from '#core'
import { User } from '#accounts'
import { recordAudit } from '#audit'
import type ExportJob from '../models/export_job.js'
import { translator } from '../services/exporters.js'
import { produceExport } from '../services/produce.js'
import { produceCaseListExport } from '../services/produce_case_list.js'
import type { ExportFormat } from '../types.js'

/** Hours a finished file stays downloadable. */
export const EXPORT_TTL_HOURS = 24

export const sqlNow = (dt: DateTime = DateTime.utc()) => dt.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')

export interface RunOptions {
  pageSize?: number
  /** Sees every progress value (tests, logs). */
  observe?: (percent: number) => void
}

export class RunExportJob {
  async handle(
    job: ExportJob,
    instanceId: string,
    options: RunOptions = {}
  ): Promise<'done' | 'failed'> {
    const mine = () => db.from('export_jobs').where('id', job.id).where('claimed_by', instanceId)
    const t = translator(job.locale)
    let last = -1
    let lastAt = 0
    const progress = async (percent: number) => {
      options.observe?.(percent)
      if (percent >= 100 || percent - last >= 5 || Date.now() - lastAt > 1000) {
        last = percent
        lastAt = Date.now()
        await mine().update({ progress: Math.min(percent, 99), updated_at: sqlNow() })
      }
    }
    const user = await User.query().where('id', job.userId).preload('roles').preload('unit').first()
    try {
      if (!user || !user.isActive)
        throw new AccessDenied('account_revoked', { type: 'export_job', id: job.id })
      const file =
        job.target === 'cases'
          ? await produceCaseListExport(
              user,
              {
                params: job.params,
                format: job.format as ExportFormat,
                locale: job.locale,
                unitId: job.unitId,
              },
              { onProgress: progress, pageSize: options.pageSize }
            )
          : await produceExport(
              user,
              {
                form: job.form,
                unit: String(job.unitId),
                year: job.year,
                period: job.period,
                by: job.layout ?? undefined,
                format: job.format as ExportFormat,
                locale: job.locale,
                target: job.target,
                row: job.rowKey,
                column: job.columnKey,
              },
              { onProgress: progress, pageSize: options.pageSize }
            )
      const key = `exports/${job.id}-${randomUUID()}.${job.format}`
      const disk = drive.use('fs')
      const size = file.body ? file.body.length : (await stat(file.path!)).size
      if (file.body) await disk.put(key, file.body)
      else await disk.moveFromFs(file.path!, key)
      const now = DateTime.utc()
      const updated = await mine().update({
        status: 'done',
        progress: 100,
        file_path: key,
        file_name: file.fileName,
        file_size: size,
        error: null,
        finished_at: sqlNow(now),
        expires_at: sqlNow(now.plus({ hours: EXPORT_TTL_HOURS })),
        updated_at: sqlNow(now),
      })
      if (affected(updated) !== 1) {
        await disk.delete(key)
        return 'failed'
      }
      options.observe?.(100)
      return 'done'
    } catch (error: any) {
      if (error instanceof AccessDenied) {
        await recordAudit({
          actor: user ?? null,
          unit: user?.unit ?? null,
          action: 'access.denied',
          outcome: 'refused',
          subjectType: error.subject?.type ?? 'export_job',
          subjectId: error.subject?.id ?? job.id,
          after: { job: job.id, reason: error.reason },
        })
      } else if (!(error instanceof RuleViolation)) {
        logger.error({ err: error, job: job.id }, 'export job failed')
      }
      const reason =
        error instanceof RuleViolation
          ? t(error.key, error.data)
          : error instanceof AccessDenied
            ? t(`errors.${error.reason}`, {})
            : String(error?.message ?? error)
      const now = DateTime.utc()
      await mine().update({
        status: 'failed',
        error: t('exports.job_failed', { reason }).slice(0, 2000),
        finished_at: sqlNow(now),
        expires_at: sqlNow(now.plus({ hours: EXPORT_TTL_HOURS })),
        updated_at: sqlNow(now),
      })
      return 'failed'
    }
  }
}

/** Rows changed by an UPDATE (knex answers a number; some drivers an array). */
export function affected(result: unknown): number {
  return Number(Array.isArray(result) ? result[0] : result) || 0
}
