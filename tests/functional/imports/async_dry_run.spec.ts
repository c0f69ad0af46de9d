import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { auditRows } from '#tests/helpers/audit'
import { as } from '#tests/helpers/factories'
import { User } from '#accounts'
import { HEAD_ROWS } from '#cases/imports/services/check'
import { importRunner } from '#cases/imports/services/runner'
import { world, csv, caseRows, upload, batchIdFrom } from './_helpers.js'

test.group('Imports / the dry run in the background', (group) => {
  group.each.teardown(() => importRunner.idle())

  test('the page upload answers with a redirect to the batch page, which shows progress and errors while checking', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const rows = [...caseRows(w, 'A1'), ...caseRows(w, 'A2', { unit: 'NO-SUCH-UNIT' })]
    const response = await upload(client, w.stat, csv(rows))
    assert.equal(response.status(), 302)
    const id = batchIdFrom(response.header('location'))
    const batch = await db.from('import_batches').where('id', id).first()
    assert.equal(batch.status, 'checked')
    assert.equal(Number(batch.progress), 100)
    assert.equal(Number(batch.error_rows), 1)
    // while checking (state forced back), the page refreshes itself and shows the progress bar
    await db.from('import_batches').where('id', id).update({ status: 'checking', progress: 40 })
    const page = await as(client.get(`/imports/${id}`), w.stat)
    assert.equal(page.status(), 200)
    assert.include(page.text(), 'http-equiv="refresh"')
    assert.include(page.text(), 'id="check-progress" value="40"')
    assert.include(page.text(), 'NO-SUCH-UNIT')
    await db.from('import_batches').where('id', id).update({ status: 'checked', progress: 100 })
  })

  test("a unit outside the importer's reach past the first rows: the job refuses the batch, audited; page and API answer 403", async ({
    client,
    assert,
  }) => {
    const w = await world()
    const rows = []
    for (let i = 0; rows.length < HEAD_ROWS + 10; i++) rows.push(...caseRows(w, `IN${i}`))
    rows.push(...caseRows(w, 'FAR', { unit: w.other.code }))
    // a district statistician reaches its district, not the sibling district
    const response = await upload(client, w.stat, csv(rows))
    assert.equal(response.status(), 302)
    const id = batchIdFrom(response.header('location'))
    const batch = await db.from('import_batches').where('id', id).first()
    assert.equal(batch.status, 'refused')
    const denied = await auditRows({ action: 'access.denied', actorId: w.stat.id })
    assert.isAbove(denied.length, 0)
    const page = await as(client.get(`/imports/${id}`), w.stat)
    assert.equal(page.status(), 403)
    const token = await User.accessTokens.create(w.stat, ['cases:read', 'cases:write'])
    const api = await client.get(`/api/v1/imports/${id}`).bearerToken(token.value!.release())
    assert.equal(api.status(), 403)
    assert.equal(api.body().errors[0].code, 'E_ACCESS_DENIED')
    assert.isAbove(
      (await auditRows({ action: 'access.denied', actorId: w.stat.id })).length,
      denied.length
    )
    assert.notExists(
      await db.from('cases').where('source_system', 'LEGACY').where('external_id', 'IN0').first()
    )
  })

  test('a dry run whose process died (stale heartbeat) is taken over and checked again from the start, errors not duplicated', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const rows = [...caseRows(w, 'R1'), ...caseRows(w, 'R2', { unit: 'NO-SUCH-UNIT' })]
    const response = await upload(client, w.stat, csv(rows))
    const id = batchIdFrom(response.header('location'))
    // as if another instance had claimed it and died half-way (kill -9): state and a partial report left
    await db.from('import_batches').where('id', id).update({
      status: 'checking',
      claimed_by: 'dead-instance',
      heartbeat_at: '2000-01-01 00:00:00',
      progress: 30,
    })
    // a live claim is not taken: only a stale one
    assert.isFalse(await importRunner.claimCheck(id))
    const resumed = await importRunner.resumeStale()
    assert.isAtLeast(resumed, 1)
    const batch = await db.from('import_batches').where('id', id).first()
    assert.equal(batch.status, 'checked')
    assert.equal(batch.claimed_by, importRunner.instanceId)
    assert.equal(Number(batch.error_rows), 1)
    const errors = await db.from('import_row_errors').where('batch_id', id)
    assert.lengthOf(errors, 1)
  })
})
