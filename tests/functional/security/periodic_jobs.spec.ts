/**
 * Periodic jobs inside the app (audit checkpoint, reconciliation snapshot): each (job, minute) runs exactly once
 * across instances — the run is claimed by inserting a UNIQUE (job, scheduled_for) row.
 */
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { jobCron, periodicJobs, runClaimed } from '#core'

const minute = () =>
  DateTime.utc(2026, 11, 30, 3, Math.floor(Math.random() * 60)).plus({
    days: Math.floor(Math.random() * 3000),
  })

test.group('periodic jobs claimed through the database', () => {
  test('two instances claiming the same minute: the job runs once', async ({ assert }) => {
    const at = minute()
    const job = `test:job-${Math.random().toString(36).slice(2, 8)}`
    let runs = 0
    const work = async () => {
      runs++
      await new Promise((r) => setTimeout(r, 20))
      return { ok: true }
    }
    const results = await Promise.all([
      runClaimed(job, at, work, 'instance-a'),
      runClaimed(job, at, work, 'instance-b'),
    ])
    assert.equal(runs, 1)
    assert.deepEqual(results.filter(Boolean), [true])
    const rows = await db.from('job_runs').where('job', job)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].status, 'done')
    assert.include(['instance-a', 'instance-b'], rows[0].claimed_by)
    // A later claim of the same minute (a slow third instance) does not run it again; the next minute does.
    assert.isFalse(await runClaimed(job, at, work, 'instance-c'))
    assert.isTrue(await runClaimed(job, at.plus({ minutes: 1 }), work, 'instance-c'))
    assert.equal(runs, 2)
  })

  test('a failing run is recorded as failed and not repeated for that minute', async ({
    assert,
  }) => {
    const at = minute()
    const job = `test:fail-${Math.random().toString(36).slice(2, 8)}`
    await assert.rejects(() =>
      runClaimed(job, at, async () => {
        throw new Error('boom')
      })
    )
    const row = await db.from('job_runs').where('job', job).first()
    assert.equal(row.status, 'failed')
    assert.include(row.detail, 'boom')
    assert.isFalse(await runClaimed(job, at, async () => 1))
  })

  test('the audit checkpoint and reconciliation snapshot are registered, configurable, and run once', async ({
    assert,
  }) => {
    const jobs = new Map(periodicJobs().map((j) => [j.name, j]))
    const checkpoint = jobs.get('audit:checkpoint')!
    const snapshot = jobs.get('reconciliation:snapshot')!
    assert.exists(checkpoint)
    assert.exists(snapshot)
    assert.equal(jobCron(checkpoint, {}), '0 * * * *')
    assert.equal(jobCron(snapshot, {}), '15 1 * * *')
    assert.equal(jobCron(checkpoint, { AUDIT_CHECKPOINT_CRON: '*/10 * * * *' }), '*/10 * * * *')
    assert.isNull(jobCron(snapshot, { RECONCILIATION_SNAPSHOT_CRON: 'off' }))
    assert.isNull(jobCron(snapshot, { RECONCILIATION_SNAPSHOT_CRON: 'not a cron' }))

    const before = await db.from('audit_checkpoints').count('* as n').first()
    const at = minute()
    const ran = await Promise.all([
      runClaimed(checkpoint.name, at, checkpoint.run, 'instance-a'),
      runClaimed(checkpoint.name, at, checkpoint.run, 'instance-b'),
    ])
    assert.deepEqual(ran.filter(Boolean), [true])
    const after = await db.from('audit_checkpoints').count('* as n').first()
    assert.equal(Number(after?.n), Number(before?.n) + 1)

    assert.isTrue(await runClaimed(snapshot.name, at, snapshot.run, 'instance-a'))
    const row = await db
      .from('job_runs')
      .where({ job: snapshot.name })
      .orderBy('id', 'desc')
      .first()
    assert.equal(row.status, 'done')
    assert.match(row.detail, /"snapshots":\d+/)
  })
})
