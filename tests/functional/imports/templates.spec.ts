import { test } from '@japa/runner'
import { importRunner } from '#cases/imports/services/runner'
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { makeUser, as, UNITS } from '#tests/helpers/factories'
import { COLUMNS } from '#cases/imports/format'
import { SAMPLE_FILE } from '#cases/imports/controllers/imports_controller'
import { batchIdFrom } from './_helpers.js'

test.group('Imports / templates, sample, export access', () => {
  test('the csv and xlsx templates carry the import columns', async ({ client, assert }) => {
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const csvFile = await as(client.get('/imports/template/csv'), user)
    assert.equal(csvFile.status(), 200)
    assert.equal(
      csvFile
        .text()
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0],
      COLUMNS.join(',')
    )
    const raw = await as(client.get('/imports/template/xlsx'), user)
    assert.equal(raw.status(), 200)
    const page = await as(client.get('/imports'), user)
    assert.include(page.text(), '/imports/template/xlsx')
    assert.include(page.text(), '/imports/sample')
  })

  test('the sample file for Ba Đình: its bad rows are reported, the rest is ready', async ({
    client,
    assert,
  }) => {
    for (const email of ['officer.badinh@thads.demo', 'officer2.badinh@thads.demo'])
      if (!(await User.findBy('email', email))) await makeUser(UNITS.badinh, ['officer'], { email })
    const stat = await makeUser(UNITS.hanoi, ['statistician'])
    const body = readFileSync(app.makePath(SAMPLE_FILE))
    const r = await as(client.post('/imports'), stat)
      .withCsrfToken()
      .file('file', body, { filename: 'sample.csv' })
      .redirects(0)
    await importRunner.idle() // the dry run runs in the background
    const id = batchIdFrom(r.header('location'))
    const batch = await db.from('import_batches').where('id', id).first()
    const codes = (await db.from('import_row_errors').where('batch_id', id).orderBy('line')).map(
      (e) => e.code
    )
    assert.sameMembers(codes, [
      'imports.errors.unknown_officer',
      'cases.errors.beyond_remaining',
      'cases.errors.future_date',
      'cases.errors.transition_refused',
      'imports.errors.unknown_unit',
    ])
    assert.equal(Number(batch.rejected), 5)
    assert.equal(Number(batch.to_create) + Number(batch.unchanged), 20)
  })

  test("export: a unit outside the reader's reach is refused (403, audited); an officer may not export", async ({
    client,
    assert,
  }) => {
    const stat = await makeUser(UNITS.laocai, ['statistician'])
    const refused = await as(client.get(`/imports/export?unit=${UNITS.badinh}`), stat)
    assert.equal(refused.status(), 403)
    const officer = await makeUser(UNITS.badinh, ['officer'])
    assert.equal(
      (await as(client.get(`/imports/export?unit=${UNITS.badinh}`), officer)).status(),
      403
    )
    const audit = await db
      .from('audit_events')
      .where('action', 'access.denied')
      .whereIn('actor_id', [stat.id, officer.id])
    assert.lengthOf(audit, 2)
    const ok = await as(client.get(`/imports/export?unit=${UNITS.sapa}&format=xlsx`), stat)
    assert.equal(ok.status(), 200)
    assert.match(String(ok.header('content-type')), /spreadsheetml/)
  })
})
