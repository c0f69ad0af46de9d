/** The reader's own export jobs, newest first (nobody sees another user's jobs). */
import type { User } from '#accounts'
import { formPlugin } from '../../plugin/loader.js'
import ExportJob from '../models/export_job.js'
import { CASE_LIST_TARGET, CASE_LIST_TITLE } from '../services/case_list_source.js'

export class ListExportJobs {
  async handle(user: User, limit = 50) {
    const jobs = await ExportJob.query()
      .where('user_id', user.id)
      .orderBy('id', 'desc')
      .limit(limit)
    return jobs.map((job) => ({
      job,
      title:
        job.target === CASE_LIST_TARGET
          ? CASE_LIST_TITLE
          : (formPlugin(job.form)?.manifest.title ?? { vi: job.form, en: job.form }),
    }))
  }
}
