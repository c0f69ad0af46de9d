import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { importRunner } from '#cases/imports/services/runner'
import { ConfirmImport } from '#cases/imports/actions/confirm_import'
import { world, csv, caseRows, upload, batchIdFrom } from './_helpers.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

test.group('Imports / kill -9 mid-commit', (group) => {
  group.each.setup(() => {
    importRunner.pause()
    return () => importRunner.resume()
  })

  test('a commit killed by SIGKILL in a child process resumes on the next start: nothing duplicated, nothing half-written', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const N = 14
    const rows = []
    for (let i = 1; i <= N; i++)
      rows.push(
        ...caseRows(w, `K${i}`, {
          extra: [
            {
              row_type: 'money',
              kind: 'collected',
              date: '2017-05-02',
              amount: '1000000',
              receipt_number: `BL${i}`,
            },
            { row_type: 'event', event_type: 'verified', date: '2017-05-10' },
          ],
        })
      )
    const response = await upload(client, w.stat, csv(rows))
    const id = batchIdFrom(response.header('location'))
    await new ConfirmImport().handle(w.head, id)

    const child = spawn(process.execPath, ['ace', 'imports:run', `--batch=${id}`], {
      cwd: app.makePath(),
      env: { ...process.env, IMPORT_CHUNK: '2', IMPORT_CHUNK_DELAY_MS: '400' },
      stdio: 'ignore',
    })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    let done = 0
    for (let t = 0; t < 600 && done < 4; t++) {
      await sleep(100)
      done = Number((await db.from('import_batches').where('id', id).first()).done_records)
    }
    assert.isAtLeast(done, 4, 'the child committed a few chunks')
    child.kill('SIGKILL')
    await exited
    const killed = await db.from('import_batches').where('id', id).first()
    assert.equal(killed.status, 'committing')
    assert.isBelow(Number(killed.done_records), N, 'killed mid-way')

    // every case present at the kill is whole: 3 events (approved, assigned, verified), 2 money entries, 1 span
    const perCase = async () =>
      db
        .from('cases as c')
        .where('c.import_batch_id', id)
        .select('c.id')
        .select(db.raw('(select count(*) from case_events e where e.case_id = c.id) as events'))
        .select(db.raw('(select count(*) from money_entries m where m.case_id = c.id) as money'))
        .select(
          db.raw('(select count(*) from case_status_spans s where s.case_id = c.id) as spans')
        )
    const partial = await perCase()
    assert.equal(partial.length, Number(killed.done_records))
    for (const c of partial)
      assert.deepEqual([Number(c.events), Number(c.money), Number(c.spans)], [3, 2, 1])

    // the next start takes over the stale batch and finishes it
    const resumed = await importRunner.resumeStale(-10_000)
    assert.equal(resumed, 1)
    const final = await db.from('import_batches').where('id', id).first()
    assert.equal(final.status, 'committed')
    const all = await perCase()
    assert.lengthOf(all, N)
    for (const c of all)
      assert.deepEqual([Number(c.events), Number(c.money), Number(c.spans)], [3, 2, 1])
    const keys = await db
      .from('cases')
      .where('import_batch_id', id)
      .countDistinct('external_id as n')
      .first()
    assert.equal(Number(keys.n), N)
  }).timeout(120_000)
})
