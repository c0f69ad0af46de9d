/**
 * Export jobs with several instances: a job whose runner died mid-run (claimed, no progress for
 * RUN_STALE_SECONDS) is taken over by exactly one other runner and produced once.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { makeUser } from '#tests/helpers/factories'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'
import { ExportRunner, exportRunner } from '#reporting/exports/services/job_runner'
import { RequestExportJob } from '#reporting/exports/actions/request_export_job'

test.group('Export jobs: takeover after a dead runner', (group) => {
  group.setup(() => {
    exportRunner.pause()
    return () => exportRunner.resume()
  })

  test('a stale running job is finished by one of two survivors, once', async ({ assert }) => {
    const { province, districts } = await makeProvinceTree(1)
    await writeCase(
      districts[0],
      '2024-11-04',
      [{ day: '2024-11-04', money: [['obligation', 1_000_000]] }],
      {
        number: 'TAKEOVER-1',
      }
    )
    const user = await makeUser(province.code, ['head'])
    const job = await new RequestExportJob().handle(user, {
      form: 'report-unexecuted-cases',
      unit: province.code,
      year: 2025,
      period: 6,
      format: 'csv',
      locale: 'vi',
    })
    // The runner that claimed it died an hour ago.
    await db.from('export_jobs').where('id', job.id).update({
      status: 'running',
      claimed_by: 'dead-runner',
      started_at: '2000-01-01 00:00:00',
      updated_at: '2000-01-01 00:00:00',
      progress: 40,
    })
    // Two survivors sweep at once: exactly one takes it over and produces the file.
    const [x, y] = await Promise.all([
      new ExportRunner('survivor-x').reclaimStale(),
      new ExportRunner('survivor-y').reclaimStale(),
    ])
    assert.equal(x + y, 1)
    const row = await db.from('export_jobs').where('id', job.id).firstOrFail()
    assert.equal(row.status, 'done')
    assert.include(['survivor-x', 'survivor-y'], row.claimed_by)
    assert.isTrue(await drive.use('fs').exists(row.file_path))
    assert.equal(await new ExportRunner('late').reclaimStale(), 0)
  })
})
