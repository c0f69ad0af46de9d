/**
 * Housekeeping: deletes the files of jobs past `expires_at` (the row stays as history, without a file), and
 * fails jobs whose runner stopped reporting (no progress for STALL_MINUTES, e.g. the instance was killed).
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import logger from '@adonisjs/core/services/logger'
import { sqlNow } from './run_export_job.js'
import { translator } from '../services/exporters.js'

export const STALL_MINUTES = 15

export class CleanExpiredExports {
  async handle(now: DateTime = DateTime.utc()): Promise<{ deleted: number; stalled: number }> {
    const expired = await db
      .from('export_jobs')
      .whereNotNull('file_path')
      .where('expires_at', '<', sqlNow(now))
      .select('id', 'file_path')
    const disk = drive.use('fs')
    let deleted = 0
    for (const job of expired) {
      try {
        await disk.delete(job.file_path)
      } catch (error) {
        logger.warn({ err: error, job: job.id }, 'could not delete an expired export file')
      }
      deleted +=
        Number(
          await db
            .from('export_jobs')
            .where('id', job.id)
            .where('file_path', job.file_path)
            .update({ file_path: null, updated_at: sqlNow(now) })
        ) || 0
    }
    const stalledJobs = await db
      .from('export_jobs')
      .where('status', 'running')
      .where('updated_at', '<', sqlNow(now.minus({ minutes: STALL_MINUTES })))
      .select('id', 'locale')
    for (const job of stalledJobs) {
      await db
        .from('export_jobs')
        .where('id', job.id)
        .where('status', 'running')
        .update({
          status: 'failed',
          claimed_by: null,
          error: translator(job.locale)('exports.stalled'),
          finished_at: sqlNow(now),
          expires_at: sqlNow(now),
          updated_at: sqlNow(now),
        })
    }
    return { deleted, stalled: stalledJobs.length }
  }
}
