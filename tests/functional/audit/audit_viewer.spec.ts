import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeUser, unitByCode, as, UNITS } from '#tests/helpers/factories'
import { recordAudit } from '#audit'

test.group('audit viewer', () => {
  test('admins read the events of their subtree only; inspectors read the nation', async ({
    client,
  }) => {
    const hanoi = await unitByCode(UNITS.hanoi)
    const laocai = await unitByCode(UNITS.laocai)
    const marker = `marker-${Date.now()}`
    await recordAudit({
      actorEmail: 'x@test.thads',
      unit: hanoi,
      action: 'test.event',
      subjectType: 'probe',
      subjectId: `${marker}-hanoi`,
    })
    await recordAudit({
      actorEmail: 'x@test.thads',
      unit: laocai,
      action: 'test.event',
      subjectType: 'probe',
      subjectId: `${marker}-laocai`,
    })

    const hanoiAdmin = await makeUser(UNITS.hanoi, ['admin'])
    const page = await as(client.get('/audit?action=test.event&subject_type=probe'), hanoiAdmin)
    page.assertStatus(200)
    page.assertTextIncludes(`${marker}-hanoi`)
    page.assert!.notInclude(page.text(), `${marker}-laocai`)

    const inspector = await makeUser(UNITS.national, ['inspector'])
    const national = await as(client.get('/audit?action=test.event&subject_type=probe'), inspector)
    national.assertTextIncludes(`${marker}-hanoi`)
    national.assertTextIncludes(`${marker}-laocai`)
  })

  test('roles without audit rights are refused, and the refusal is itself audited', async ({
    client,
    assert,
  }) => {
    for (const role of ['head', 'officer', 'statistician'] as const) {
      const user = await makeUser(UNITS.hanoi, [role])
      ;(await as(client.get('/audit'), user)).assertStatus(403)
      ;(await as(client.get('/audit/export.csv'), user)).assertStatus(403)
      const rows = await db
        .from('audit_events')
        .where('action', 'access.denied')
        .where('actor_id', user.id)
      assert.lengthOf(rows, 2)
    }
  })

  test('filters by actor, outcome and dates, pages, and exports CSV with the same filters', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.camau, ['admin'])
    const camau = await unitByCode(UNITS.camau)
    const actor = `csv-${Date.now()}@test.thads`
    for (let i = 0; i < 55; i++) {
      await recordAudit({
        actorEmail: actor,
        unit: camau,
        action: 'test.bulk',
        outcome: i % 5 === 0 ? 'refused' : 'ok',
        subjectType: 'probe',
        subjectId: i,
      })
    }
    const first = await as(client.get(`/audit?actor=${actor}`), admin)
    first.assertTextIncludes('Trang 1/2')
    const refused = await as(client.get(`/audit?actor=${actor}&outcome=refused`), admin)
    refused.assertTextIncludes('11 bản ghi')
    const none = await as(client.get(`/audit?actor=${actor}&from=2001-01-01&to=2001-01-31`), admin)
    none.assertTextIncludes('Không có sự kiện nào phù hợp.')

    const csv = await as(client.get(`/audit/export.csv?actor=${actor}&outcome=refused`), admin)
    csv.assertStatus(200)
    csv.assertHeader('content-type', 'text/csv; charset=utf-8')
    // The client hands text/csv over as text or as a Buffer depending on how the body arrived.
    const body = csv.text() ?? Buffer.from(csv.body() as Buffer).toString('utf8')
    const lines = body.trim().split('\r\n')
    assert.lengthOf(lines, 12)
    assert.include(lines[0], 'occurred_at')
    assert.isTrue(lines.slice(1).every((l) => l.includes(actor) && l.includes('refused')))
  })

  test('invalid filters are answered, not crashed on', async ({ client }) => {
    const admin = await makeUser(UNITS.camau, ['admin'])
    const response = await as(client.get('/audit?from=not-a-date').accept('json'), admin)
    response.assertStatus(422)
  })

  test('the trail is append-only at the database level', async ({ assert }) => {
    await recordAudit({ actorEmail: 'immutable@test.thads', action: 'test.immutable' })
    const row = await db.from('audit_events').where('action', 'test.immutable').firstOrFail()
    await assert.rejects(() =>
      db.from('audit_events').where('id', row.id).update({ action: 'tampered' })
    )
    await assert.rejects(() => db.from('audit_events').where('id', row.id).delete())
    const again = await db.from('audit_events').where('id', row.id).firstOrFail()
    assert.equal(again.action, 'test.immutable')
  })

  test('a change and its audit event commit or roll back together', async ({ assert }) => {
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await recordAudit({ actorEmail: 'rollback@test.thads', action: 'test.rollback' }, trx)
        throw new Error('the change failed')
      })
    )
    assert.lengthOf(await db.from('audit_events').where('action', 'test.rollback'), 0)
  })
})

test.group('audit viewer: action names', () => {
  test('actions are named in the reader language, with the code kept as a tooltip', async ({
    client,
  }) => {
    const admin = await makeUser(UNITS.national, ['admin'])
    const hanoi = await unitByCode(UNITS.hanoi)
    await recordAudit({
      actor: admin,
      unit: hanoi,
      action: 'delegation.accepted',
      subjectType: 'probe',
      subjectId: 'names',
    })
    const page = await as(client.get('/audit?action=delegation.accepted&subject_id=names'), admin)
    page.assertTextIncludes('title="delegation.accepted">Tiếp nhận ủy thác</td>')
  })
})
