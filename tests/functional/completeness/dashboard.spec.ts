/**
 * Completeness (SPEC §9): share of new cases entered within N working days of their decision date (Vietnam time),
 * open cases without an event for N days, per unit and per officer, the lists behind the figures, and who may
 * read them — against figures computed by hand.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { today } from '#core'
import type { User } from '#accounts'
import { as, makeUser } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'

const RANGE = 'from=2022-03-01&to=2022-03-31&days=2&idle=30'

/**
 * March 2022 has no public holiday. With N = 2 working days:
 *   A (D1, o1) decided Fri 04/03, entered Tue 08/03 23:59 Vietnam (16:59 UTC) → on time (deadline Tue 08/03);
 *   B (D1, o1) decided Fri 04/03, entered Wed 09/03 00:00 Vietnam (08/03 17:00 UTC) → late;
 *   C (D1, o2) decided Thu 10/03, entered the day before (draft) → on time;
 *   D (D2, unassigned) decided Tue 15/03, entered 01/04 → late;
 *   E (D1, o2) decided 01/02 (outside the range), completed → neither new nor open.
 * Open today: A, B, C, D; A has an event today, so B, C, D are idle (no event in 30 days).
 */
async function scenario() {
  const tree = await makeProvinceTree(2)
  const [d1, d2] = tree.districts
  const o1 = await makeUser(d1.code, ['officer'])
  const o2 = await makeUser(d1.code, ['officer'])
  const a = await writeCase(d1, '2022-03-04', [], {
    created_at: '2022-03-08 16:59:00',
    officer_id: o1.id,
  })
  const b = await writeCase(d1, '2022-03-04', [], {
    created_at: '2022-03-08 17:00:00',
    officer_id: o1.id,
  })
  const c = await writeCase(d1, '2022-03-10', [], {
    created_at: '2022-03-09 09:00:00',
    officer_id: o2.id,
  })
  const d = await writeCase(d2, '2022-03-15', [], { created_at: '2022-04-01 02:00:00' })
  const e = await writeCase(d1, '2022-02-01', [], {
    created_at: '2022-02-01 02:00:00',
    officer_id: o2.id,
    status: 'completed',
  })
  await db.insertQuery().table('case_events').insert({
    case_id: a,
    unit_id: d1.id,
    type: 'verified',
    effective_date: today(),
    recorded_at: new Date(),
  })
  return { ...tree, d1, d2, o1, o2, ids: { a, b, c, d, e } }
}

async function read(client: ApiClient, user: User, query: string) {
  const res = await as(
    client.get(`/completeness?${query}`).header('accept', 'application/json'),
    user
  )
  res.assertStatus(200)
  return res.body()
}

test.group('Completeness dashboard', () => {
  test('per unit and per officer figures, ranking and trend match the hand count', async ({
    client,
    assert,
  }) => {
    const { province, d1, d2, o1, o2 } = await scenario()
    const stat = await makeUser(province.code, ['statistician'])
    const body = await read(client, stat, `unit=${province.code}&${RANGE}`)
    const row = (code: string) => body.rows.find((r: any) => r.code === code)
    assert.deepInclude(row(d1.code), {
      entered: 3,
      onTime: 2,
      late: 1,
      share: 66.67,
      open: 3,
      idle: 2,
      rank: 1,
    })
    assert.deepInclude(row(d2.code), {
      entered: 1,
      onTime: 0,
      late: 1,
      share: 0,
      open: 1,
      idle: 1,
      rank: 2,
    })
    assert.deepEqual(body.total, {
      entered: 4,
      onTime: 2,
      late: 2,
      share: 50,
      open: 4,
      idle: 3,
      idleShare: 75,
    })
    assert.deepEqual(body.trend, [{ month: '2022-03', entered: 4, onTime: 2, share: 50 }])

    const officers = await read(client, stat, `unit=${d1.code}&${RANGE}&by=officer`)
    const of = (id: number) => officers.rows.find((r: any) => r.key === id)
    assert.deepInclude(of(o2.id), { entered: 1, onTime: 1, share: 100, open: 1, idle: 1, rank: 1 })
    assert.deepInclude(of(o1.id), { entered: 2, onTime: 1, share: 50, open: 2, idle: 1, rank: 2 })

    // A larger allowance makes B on time too (deadline moves to Wed 09/03)
    const wider = await read(
      client,
      stat,
      `unit=${province.code}&from=2022-03-01&to=2022-03-31&days=3&idle=30`
    )
    assert.equal(wider.total.onTime, 3)

    // The page has the table and both charts
    const page = await as(client.get(`/completeness?unit=${province.code}&${RANGE}`), stat)
    page.assertStatus(200)
    assert.include(page.text(), 'id="chart-share"')
    assert.include(page.text(), 'id="chart-trend"')
    assert.include(page.text(), '66,67 %')
  })

  test('the lists behind the figures hold exactly the counted cases, keyset-paged', async ({
    client,
    assert,
  }) => {
    const { province, d1, ids } = await scenario()
    const stat = await makeUser(province.code, ['statistician'])
    const list = async (q: string) => {
      const res = await as(
        client
          .get(`/completeness/list?unit=${province.code}&${RANGE}&${q}`)
          .header('accept', 'application/json'),
        stat
      )
      res.assertStatus(200)
      return res.body()
    }
    const late = await list(`kind=late&group=${d1.id}`)
    assert.deepEqual(
      late.items.map((i: any) => i.id),
      [ids.b]
    )
    const idle = await list('kind=idle')
    assert.deepEqual(
      idle.items.map((i: any) => i.id),
      [ids.b, ids.c, ids.d]
    )
    const afterB = await list(`kind=idle&after=${ids.b}`)
    assert.deepEqual(
      afterB.items.map((i: any) => i.id),
      [ids.c, ids.d]
    )
    const entered = await list('kind=entered')
    assert.sameMembers(
      entered.items.map((i: any) => i.id),
      [ids.a, ids.b, ids.c, ids.d]
    )
    const page = await as(
      client.get(`/completeness/list?unit=${province.code}&${RANGE}&kind=idle`),
      stat
    )
    page.assertStatus(200)
    assert.include(page.text(), `data-case="${ids.c}"`)
  })

  test('officers and readers outside the subtree are refused with 403 and an audit row', async ({
    client,
    assert,
  }) => {
    const { province, d1, d2 } = await scenario()
    const officer = await makeUser(d1.code, ['officer'])
    ;(await as(client.get(`/completeness?unit=${d1.code}`), officer)).assertStatus(403)
    const head = await makeUser(d1.code, ['head'])
    ;(await as(client.get(`/completeness?unit=${d2.code}`), head)).assertStatus(403)
    ;(
      await as(client.get(`/completeness/list?unit=${province.code}&kind=idle`), head)
    ).assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: officer.id }), 1)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: head.id }), 2)
    const inspector = await makeUser('TC', ['inspector'])
    const body = await read(client, inspector, `unit=${province.code}&${RANGE}`)
    assert.equal(body.total.entered, 4)
  })
})
