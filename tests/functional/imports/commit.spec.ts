import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { auditRows } from '#tests/helpers/audit'
import { as } from '#tests/helpers/factories'
import { submit } from '#tests/functional/submissions/helpers'
import { importRunner } from '#cases/imports/services/runner'
import { IMPORT_REVISION_BASE } from '#cases/imports/services/commit'
import {
  world,
  csv,
  caseRows,
  upload,
  batchIdFrom,
  confirmAndWait,
  type World,
} from './_helpers.js'

const history = (w: World) => [
  {
    row_type: 'money',
    kind: 'collected',
    date: '2017-05-02',
    amount: '4000000',
    receipt_number: 'BL1',
  },
  { row_type: 'money', kind: 'paid_out', date: '2017-05-20', amount: '4000000', payee: 'creditor' },
  {
    row_type: 'event',
    event_type: 'handover',
    date: '2017-06-01',
    officer_email: w.officer2.email,
  },
  { row_type: 'event', event_type: 'no_conditions', date: '2017-07-03', legal_ground: '44a.1.a' },
]

async function caseOf(externalId: string) {
  return db.from('cases').where('source_system', 'LEGACY').where('external_id', externalId).first()
}

async function uploadOk(client: any, user: User, body: Buffer) {
  const response = await upload(client, user, body)
  const id = batchIdFrom(response.header('location'))
  return db.from('import_batches').where('id', id).first()
}

test.group('Imports / confirm, commit, repeat, rollback', (group) => {
  group.each.teardown(() => importRunner.idle())

  test('only a head reaching every unit of the file confirms; the commit writes the live rows, tagged and audited', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const batch = await uploadOk(
      client,
      w.stat,
      csv([...caseRows(w, 'C1', { extra: history(w) }), ...caseRows(w, 'C2')])
    )
    assert.equal(batch.status, 'checked')
    assert.equal(Number(batch.to_create), 2)
    // a statistician cannot confirm; a head of another district cannot either (403, audited)
    for (const user of [
      w.stat,
      await User.findOrFail((await db.from('users').where('id', w.stat.id).first()).id),
    ]) {
      const r = await as(client.post(`/imports/${batch.id}/confirm`), user)
        .withCsrfToken()
        .header('accept', 'application/json')
      assert.equal(r.status(), 403)
    }
    const { makeUser } = await import('#tests/helpers/factories')
    const otherHead = await makeUser(w.other.code, ['head'])
    const refused = await as(client.post(`/imports/${batch.id}/confirm`), otherHead)
      .withCsrfToken()
      .header('accept', 'application/json')
    assert.equal(refused.status(), 403)
    assert.isAbove((await auditRows({ action: 'access.denied', actorId: otherHead.id })).length, 0)
    assert.notExists(await caseOf('C1'))

    // the province head confirms for its district
    await confirmAndWait(client, w.provinceHead, batch.id)
    const done = await db.from('import_batches').where('id', batch.id).first()
    assert.equal(done.status, 'committed')
    assert.equal(Number(done.progress), 100)
    const c1 = await caseOf('C1')
    assert.equal(c1.status, 'no_conditions')
    assert.equal(Number(c1.remaining), 6_000_000)
    assert.equal(Number(c1.held), 0)
    assert.equal(c1.officer_id, w.officer2.id)
    assert.equal(c1.import_batch_id, batch.id)
    const spans = await db.from('case_status_spans').where('case_id', c1.id).orderBy('id')
    assert.deepEqual(
      spans.map((s) => [s.status, s.from_date, s.to_date]),
      [
        ['in_progress', '2017-03-15', '2017-07-03'],
        ['no_conditions', '2017-07-03', null],
      ]
    )
    const assignments = await db.from('case_assignments').where('case_id', c1.id).orderBy('id')
    assert.deepEqual(
      assignments.map((a) => [a.officer_id, a.from_date, a.to_date]),
      [
        [w.officer.id, '2017-03-15', '2017-06-01'],
        [w.officer2.id, '2017-06-01', null],
      ]
    )
    const money = await db.from('money_entries').where('case_id', c1.id).orderBy('id')
    assert.deepEqual(
      money.map((m) => [m.kind, Number(m.amount), m.effective_date, m.import_batch_id]),
      [
        ['obligation', 10_000_000, '2017-03-15', batch.id],
        ['collected', 4_000_000, '2017-05-02', batch.id],
        ['paid_out', 4_000_000, '2017-05-20', batch.id],
      ]
    )
    const events = await db.from('case_events').where('case_id', c1.id).orderBy('id')
    assert.deepEqual(
      events.map((e) => e.type),
      ['decision_approved', 'officer_assigned', 'handover', 'no_conditions']
    )
    assert.isTrue(events.every((e) => e.import_batch_id === batch.id))
    const audit = await auditRows({ action: 'case.imported', subjectId: c1.id })
    assert.lengthOf(audit, 1)
    assert.equal(JSON.parse(audit[0].after).batchId, batch.id)
    assert.lengthOf(await auditRows({ action: 'import.confirmed', subjectId: batch.id }), 1)
  })

  test('re-uploading the same file changes nothing; a corrected file updates what changed; rollback restores', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const file = csv([...caseRows(w, 'R1', { extra: history(w) }), ...caseRows(w, 'R2')])
    const first = await uploadOk(client, w.stat, file)
    await confirmAndWait(client, w.head, first.id)
    const r1 = await caseOf('R1')
    const facts = async () => ({
      events: Number(
        (await db.from('case_events').where('case_id', r1.id).count('* as n').first()).n
      ),
      money: Number(
        (await db.from('money_entries').where('case_id', r1.id).count('* as n').first()).n
      ),
      cases: Number(
        (await db.from('cases').where('unit_id', w.district.id).count('* as n').first()).n
      ),
    })
    const before = await facts()

    const again = await uploadOk(client, w.stat, file)
    assert.equal(Number(again.unchanged), 2)
    assert.equal(Number(again.to_create) + Number(again.to_update), 0)
    assert.deepEqual(await facts(), before)

    // corrected: R2's obligation was wrong (12 M, not 10 M)
    const corrected = csv([
      ...caseRows(w, 'R1', { extra: history(w) }),
      ...caseRows(w, 'R2', { amount: 12_000_000 }),
    ])
    const second = await uploadOk(client, w.stat, corrected)
    assert.equal(Number(second.to_update), 1)
    assert.equal(Number(second.unchanged), 1)
    await confirmAndWait(client, w.head, second.id)
    const r2 = await caseOf('R2')
    assert.equal(Number(r2.remaining), 12_000_000)
    assert.equal(r2.import_batch_id, second.id)
    assert.deepEqual(await facts(), before, 'nothing duplicated')

    // the first batch cannot be rolled back now: a later batch updated one of its cases
    const blocked = await as(client.post(`/imports/${first.id}/rollback`), w.head)
      .withCsrfToken()
      .header('accept', 'application/json')
    assert.equal(blocked.status(), 422)
    assert.equal(blocked.body().errors[0].code, 'imports.errors.rollback_later_batch')
    // rolling back the correction restores R2 as the first batch wrote it
    const back = await as(client.post(`/imports/${second.id}/rollback`), w.head)
      .withCsrfToken()
      .redirects(0)
    assert.equal(back.status(), 302)
    await importRunner.idle()
    assert.equal(
      (await db.from('import_batches').where('id', second.id).first()).status,
      'rolled_back'
    )
    const restored = await caseOf('R2')
    assert.equal(Number(restored.remaining), 10_000_000)
    assert.equal(restored.import_batch_id, first.id)
    // now the first batch goes back whole
    await as(client.post(`/imports/${first.id}/rollback`), w.head)
      .withCsrfToken()
      .redirects(0)
    await importRunner.idle()
    assert.notExists(await caseOf('R1'))
    assert.notExists(await caseOf('R2'))
    assert.equal(
      Number((await db.from('case_events').where('case_id', r1.id).count('* as n').first()).n),
      0
    )
    assert.lengthOf(await auditRows({ action: 'import.rolled_back', subjectId: first.id }), 1)
  })

  test('a batch is not rolled back once the software recorded something on its cases', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const batch = await uploadOk(client, w.stat, csv(caseRows(w, 'L1')))
    await confirmAndWait(client, w.head, batch.id)
    const c = await caseOf('L1')
    await db.insertQuery().table('case_events').insert({
      case_id: c.id,
      unit_id: c.unit_id,
      type: 'notified',
      effective_date: '2026-11-02',
      recorded_at: '2026-11-02 10:00:00',
      actor_id: w.officer.id,
    })
    const blocked = await as(client.post(`/imports/${batch.id}/rollback`), w.head)
      .withCsrfToken()
      .header('accept', 'application/json')
    assert.equal(blocked.status(), 422)
    assert.equal(blocked.body().errors[0].code, 'imports.errors.rollback_live_events')
    // and a corrected file may no longer overwrite it
    const again = await uploadOk(client, w.stat, csv(caseRows(w, 'L1', { amount: 5 })))
    assert.equal(Number(again.rejected), 1)
    assert.equal(
      (await db.from('import_row_errors').where('batch_id', again.id).first()).code,
      'imports.errors.changed_since_import'
    )
  })

  test('records in closed months mark the submitted reports they change as revised', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const sent = await submit(client, w.stat, { unit: w.district.code, year: 2021, period: 12 })
    assert.oneOf(sent.status(), [201, 302, 200], sent.text().slice(0, 400))
    const submission = await db
      .from('submissions')
      .where('unit_id', w.district.id)
      .where('year', 2021)
      .orderBy('id', 'desc')
      .first()
    assert.exists(submission)
    const batch = await uploadOk(client, w.stat, csv(caseRows(w, 'S1')))
    await confirmAndWait(client, w.head, batch.id)
    const revision = await db
      .from('submission_revisions')
      .where('submission_id', submission.id)
      .first()
    assert.exists(revision)
    assert.equal(Number(revision.edit_request_id), IMPORT_REVISION_BASE + batch.id)
  })

  test('API: token upload answers 202 with a status URL; the dry run runs behind; dry_run=false by a head commits; GET gives the state', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const token = await User.accessTokens.create(w.head, ['cases:read', 'cases:write'])
    const secret = token.value!.release()
    const body = csv(caseRows(w, 'API1'))
    const dry = await client
      .post('/api/v1/imports')
      .bearerToken(secret)
      .file('file', body, { filename: 'a.csv' })
    assert.equal(dry.status(), 202)
    assert.equal(dry.body().data.status, 'checking')
    assert.equal(dry.body().data.status_url, `/api/v1/imports/${dry.body().data.id}`)
    await importRunner.idle()
    const checked = await client.get(dry.body().data.status_url).bearerToken(secret)
    assert.equal(checked.body().data.status, 'checked')
    assert.equal(checked.body().data.progress, 100)
    assert.equal(checked.body().data.summary.create, 1)
    assert.notExists(await caseOf('API1'))
    const real = await client
      .post('/api/v1/imports')
      .bearerToken(secret)
      .field('dry_run', 'false')
      .file('file', body, { filename: 'a.csv' })
    assert.equal(real.status(), 202)
    await importRunner.idle()
    const state = await client.get(`/api/v1/imports/${real.body().data.id}`).bearerToken(secret)
    assert.equal(state.body().data.status, 'committed')
    assert.equal(state.body().data.progress, 100)
    assert.exists(await caseOf('API1'))
    // errors come with their line numbers
    const bad = await client
      .post('/api/v1/imports')
      .bearerToken(secret)
      .file('file', csv(caseRows(w, 'API2', { unit: 'NOPE' })), { filename: 'b.csv' })
    await importRunner.idle()
    const report = await client.get(bad.body().data.status_url).bearerToken(secret)
    assert.equal(report.body().errors[0].line, 2)
    assert.include(report.body().errors[0].message, 'NOPE')
  })
})
