import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import {
  CreateRequest,
  RecordEvent,
  RecordPublication,
  RefuseRequest,
  rebuildDeadlines,
} from '#cases'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { acceptedCase, day, pinClock } from '../cases/_setup.js'

/** The stored pending deadlines, in a stable order, without their ids. */
async function facts(where: { case_id?: number; request_id?: number } = {}) {
  const rows = await db
    .from('case_deadlines')
    .where(where)
    .orderBy('case_id')
    .orderBy('request_id')
    .orderBy('kind')
    .orderBy('due_on')
    .select(
      'case_id',
      'request_id',
      'unit_id',
      'unit_path',
      'officer_id',
      'kind',
      'anchor',
      'anchor_date',
      'due_on',
      'months'
    )
  return rows.map((r) => ({
    ...r,
    anchor_date: String(r.anchor_date).slice(0, 10),
    due_on: String(r.due_on).slice(0, 10),
  }))
}

test.group('Deadlines as facts (case_deadlines)', (group) => {
  pinClock(group)

  test('every write keeps the facts equal to a full recomputation', async ({ assert }) => {
    const { officer, clerk, c } = await acceptedCase({ unit: UNITS.camau })
    // Accepted: the verification is pending, due 20 days after the decision (Sunday 22/11 → Monday 23/11).
    let rows = await facts({ case_id: c.id })
    assert.deepEqual(
      rows.map((r) => [r.kind, r.due_on, r.officer_id]),
      [['verification', '2026-11-23', officer.id]]
    )
    await new RecordEvent().handle(officer, c.id, {
      type: 'verified',
      effectiveDate: day(3),
      data: { result: 'no_conditions' },
    })
    rows = await facts({ case_id: c.id })
    assert.deepEqual(
      rows.map((r) => r.kind),
      ['no_conditions_decision']
    )
    await new RecordEvent().handle(officer, c.id, {
      type: 'no_conditions',
      effectiveDate: day(4),
      legalGround: '44a.1.a',
    })
    rows = await facts({ case_id: c.id })
    assert.sameMembers(
      rows.map((r) => r.kind),
      ['publication', 'reverification']
    )
    await new RecordPublication().handle(officer, c.id, {
      action: 'publish',
      effectiveDate: day(5),
    })
    rows = await facts({ case_id: c.id })
    assert.deepEqual(
      rows.map((r) => r.kind),
      ['reverification']
    )
    // A pending request has its decision deadline; refusing it removes it.
    const request = await new CreateRequest().handle(clerk, {
      requester: 'Người yêu cầu',
      receivedOn: day(1),
      content: 'Yêu cầu thi hành',
    })
    assert.deepEqual(
      (await facts({ request_id: request.id })).map((r) => [r.kind, r.due_on]),
      [['request_decision', '2026-11-10']]
    )
    await new RefuseRequest().handle(clerk, request.id, {
      reason: 'Không đủ điều kiện',
      decidedOn: day(2),
    })
    assert.lengthOf(await facts({ request_id: request.id }), 0)

    // Whatever the writes, the case's rows are what a recomputation from scratch gives (other test files
    // load cases in bulk without facts, so only this test's case is compared).
    const before = await facts({ case_id: c.id })
    await db.from('case_deadlines').where('case_id', c.id).update({ due_on: '2000-01-01' })
    const done = await rebuildDeadlines()
    assert.isAtLeast(done.cases, 1)
    assert.deepEqual(await facts({ case_id: c.id }), before)
  })

  test('a day added to or removed from the calendar moves the due days it crosses', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { c } = await acceptedCase({ unit: UNITS.camau })
    const admin = await makeUser(UNITS.national, ['admin'])
    cleanup(async () => {
      await db.from('holidays').where('day', '2026-11-23').delete()
    })
    const due = async () => (await facts({ case_id: c.id }))[0].due_on
    assert.equal(await due(), '2026-11-23')
    const res = await as(
      client
        .post('/periods/holidays')
        .form({ kind: 'holiday', day: '2026-11-23', name: 'Ngày nghỉ thử' })
        .withCsrfToken()
        .redirects(0),
      admin
    )
    res.assertStatus(302)
    assert.equal(await due(), '2026-11-24')
    const removed = await as(
      client.post('/periods/holidays/2026-11-23/delete').withCsrfToken().redirects(0),
      admin
    )
    removed.assertStatus(302)
    assert.equal(await due(), '2026-11-23')
  })
})
