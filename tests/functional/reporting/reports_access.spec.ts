/**
 * The reports area through HTTP: who may read which unit's forms (SPEC §2), as a page, as session JSON and
 * through the token API; every refusal is a 403 with an audit row.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { as, makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import { writeCase } from '#database/synthetic/fixtures'

const Q = 'year=2025&period=6'

async function refusals(user: User) {
  return db
    .from('audit_events')
    .where('action', 'access.denied')
    .where('actor_id', user.id)
    .where('outcome', 'refused')
}

async function apiToken(user: User, abilities: string[]) {
  const token = await User.accessTokens.create(user, abilities)
  return token.value!.release()
}

test.group('Reports: pages and authorization', () => {
  test('a province statistician opens form 06 of its province with the rules panel and clickable cells', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const response = await as(
      client.get(`/reports/forms/form-06-cases?unit=${UNITS.hanoi}&${Q}`),
      user
    )
    response.assertStatus(200)
    assert.include(response.text(), 'Tổng số thụ lý')
    assert.include(response.text(), 'id="rules-panel"')
    assert.include(response.text(), '/reports/forms/form-06-cases/cell?')
    assert.include(response.text(), 'Chi cục THADS')
  })

  test('the chooser and the plugin list are shown to a head', async ({ client, assert }) => {
    const user = await makeUser(UNITS.badinh, ['head'])
    const chooser = await as(client.get('/reports'), user)
    chooser.assertStatus(200)
    assert.include(chooser.text(), 'form-07-money')
    assert.include(chooser.text(), UNITS.badinh)
    assert.notInclude(chooser.text(), `value="${UNITS.caugiay}"`)
    const plugins = await as(client.get('/reports/plugins'), user)
    plugins.assertStatus(200)
    assert.include(plugins.text(), 'Thông tư 06/2019/TT-BTP')
    assert.include(plugins.text(), 'data-plugin="form-06-cases"')
  })

  test('a statistician of Hà Nội is refused Lào Cai, and the refusal is audited', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const response = await as(
      client.get(`/reports/forms/form-06-cases?unit=${UNITS.laocai}&${Q}`),
      user
    )
    response.assertStatus(403)
    const rows = await refusals(user)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].subject_type, 'unit')
    assert.equal(rows[0].subject_id, String((await unitByCode(UNITS.laocai)).id))
  })

  test('a district head cannot read its province; a warehouse keeper and an admin read no forms', async ({
    client,
    assert,
  }) => {
    const head = await makeUser(UNITS.sapa, ['head'])
    ;(
      await as(client.get(`/reports/forms/form-07-money?unit=${UNITS.laocai}&${Q}`), head)
    ).assertStatus(403)
    const keeper = await makeUser(UNITS.hanoi, ['warehouse_keeper'])
    ;(await as(client.get('/reports'), keeper)).assertStatus(403)
    ;(
      await as(client.get(`/reports/forms/form-06-cases?unit=${UNITS.hanoi}&${Q}`), keeper)
    ).assertStatus(403)
    const admin = await makeUser(UNITS.national, ['admin'])
    ;(
      await as(client.get(`/reports/forms/form-06-cases?unit=${UNITS.hanoi}&${Q}`), admin)
    ).assertStatus(403)
    assert.lengthOf(await refusals(head), 1)
    assert.lengthOf(await refusals(keeper), 2)
    assert.lengthOf(await refusals(admin), 1)
  })

  test('an inspector reads any province nationally', async ({ client }) => {
    const inspector = await makeUser(UNITS.national, ['inspector'])
    ;(
      await as(client.get(`/reports/forms/form-07-money?unit=${UNITS.camau}&${Q}`), inspector)
    ).assertStatus(200)
    ;(
      await as(client.get(`/reports/forms/form-06-cases?unit=${UNITS.national}&${Q}`), inspector)
    ).assertStatus(200)
  })

  test("an officer sees only its own row, and cannot open another officer's cell", async ({
    client,
    assert,
  }) => {
    const unit = await unitByCode(UNITS.caugiay)
    const me = await makeUser(UNITS.caugiay, ['officer'])
    const other = await makeUser(UNITS.caugiay, ['officer'])
    await writeCase(unit, '2024-11-05', [{ day: '2024-11-06', officer: me.id }])
    await writeCase(unit, '2024-11-05', [{ day: '2024-11-06', officer: other.id }])
    const response = await as(
      client
        .get(`/reports/forms/form-06-cases?unit=${UNITS.caugiay}&${Q}`)
        .header('accept', 'application/json'),
      me
    )
    response.assertStatus(200)
    const form = response.body()
    assert.deepEqual(
      form.rows.map((r: any) => r.key),
      [me.id]
    )
    assert.equal(form.rows[0].values.c3, 1)
    assert.equal(form.officerId, me.id)
    const cell = await as(
      client
        .get(`/reports/forms/form-06-cases/cell?unit=${UNITS.caugiay}&${Q}&row=${other.id}&col=c3`)
        .header('accept', 'application/json'),
      me
    )
    cell.assertStatus(422)
    ;(
      await as(client.get(`/reports/forms/form-06-cases?unit=${UNITS.hanoi}&${Q}`), me)
    ).assertStatus(403)
    assert.lengthOf(await refusals(me), 1)
  })

  test('a cell opens as a page and as JSON, and its list adds up to the cell', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.sapa, ['statistician'])
    const sapa = await unitByCode(UNITS.sapa)
    await writeCase(sapa, '2024-10-10', [{ day: '2024-10-12', money: [['collected', 300_000]] }], {
      number: 'SAPA-1',
    })
    await db
      .insertQuery()
      .table('money_entries')
      .insert({
        case_id: (await db.from('cases').where('number', 'SAPA-1').first()).id,
        unit_id: sapa.id,
        unit_path: sapa.path,
        kind: 'obligation',
        amount: 1_000_000,
        effective_date: '2024-10-10',
        recorded_at: '2024-10-10 00:00:00',
      })
    const form = (
      await as(
        client
          .get(`/reports/forms/form-07-money?unit=${UNITS.sapa}&${Q}`)
          .header('accept', 'application/json'),
        user
      )
    ).body()
    const total = form.rows.find((r: any) => r.kind === 'total')
    assert.isAtLeast(total.values.c3, 1_000_000)
    const cell = await as(
      client
        .get(`/reports/forms/form-07-money/cell?unit=${UNITS.sapa}&${Q}&row=-1&col=c3&per_page=500`)
        .header('accept', 'application/json'),
      user
    )
    cell.assertStatus(200)
    assert.equal(cell.body().value, total.values.c3)
    assert.equal(
      cell.body().items.reduce((s: number, i: any) => s + i.contribution, 0),
      total.values.c3
    )
    const page = await as(
      client.get(`/reports/forms/form-07-money/cell?unit=${UNITS.sapa}&${Q}&row=-1&col=c3`),
      user
    )
    page.assertStatus(200)
    assert.include(page.text(), 'SAPA-1')
  })
})

test.group('Reports: extra reports', () => {
  test('list and custom reports render as pages and JSON for a statistician', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.camau, ['statistician'])
    const camau = await unitByCode(UNITS.camau)
    await writeCase(
      camau,
      '2024-12-12',
      [
        { day: '2024-12-12', money: [['obligation', 7_000_000]] },
        { day: '2025-01-05', status: 'no_conditions' },
      ],
      { number: 'CM-OPEN-1', area: 'Phường 5' }
    )
    const list = await as(
      client.get(`/reports/forms/report-unexecuted-cases?unit=${UNITS.camau}&${Q}`),
      user
    )
    list.assertStatus(200)
    assert.include(list.text(), 'CM-OPEN-1')
    assert.include(list.text(), 'Chưa có điều kiện')
    const json = await as(
      client
        .get(`/reports/forms/report-unexecuted-cases?unit=${UNITS.camau}&${Q}`)
        .header('accept', 'application/json'),
      user
    )
    assert.isTrue(
      json.body().rows.some((r: any) => r.number === 'CM-OPEN-1' && r.remaining === 7_000_000)
    )
    const area = await as(
      client.get(`/reports/forms/report-cases-by-area?unit=${UNITS.camau}&${Q}`),
      user
    )
    area.assertStatus(200)
    assert.include(area.text(), 'Phường 5')
    const other = await as(
      client.get(`/reports/forms/report-unexecuted-cases?unit=${UNITS.hanoi}&${Q}`),
      user
    )
    other.assertStatus(403)
  })
})

test.group('Reports: token API', () => {
  test('a token with reports:read gets the computed form as JSON', async ({ client, assert }) => {
    const user = await makeUser(UNITS.laocai, ['statistician'])
    const token = await apiToken(user, ['reports:read'])
    const response = await client
      .get(`/api/v1/forms/form-06-cases?unit=${UNITS.laocai}&${Q}`)
      .bearerToken(token)
    response.assertStatus(200)
    const body = response.body()
    assert.equal(body.form.id, 'form-06-cases')
    assert.lengthOf(body.columns, 17)
    assert.deepEqual(body.period, { year: 2025, n: 6, start: '2024-10-01', end: '2025-03-31' })
    assert.isTrue(body.rows.some((r: any) => r.kind === 'total'))
    assert.isTrue(body.rules.every((r: any) => r.passed))
    const list = await client.get('/api/v1/forms').bearerToken(token)
    assert.includeMembers(
      list.body().data.map((f: any) => f.id),
      ['form-06-cases', 'form-07-money']
    )
  })

  test("a token without the ability, or outside the holder's reach, is refused and audited", async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.laocai, ['statistician'])
    const narrow = await apiToken(user, ['cases:read'])
    ;(
      await client.get(`/api/v1/forms/form-06-cases?unit=${UNITS.laocai}&${Q}`).bearerToken(narrow)
    ).assertStatus(403)
    const token = await apiToken(user, ['reports:read'])
    ;(
      await client.get(`/api/v1/forms/form-06-cases?unit=${UNITS.hanoi}&${Q}`).bearerToken(token)
    ).assertStatus(403)
    ;(
      await client
        .get(`/api/v1/forms/form-06-cases/cell?unit=${UNITS.hanoi}&${Q}&row=-1&col=c1`)
        .bearerToken(token)
    ).assertStatus(403)
    ;(await client.get(`/api/v1/forms/form-06-cases?unit=${UNITS.laocai}&${Q}`)).assertStatus(401)
    assert.lengthOf(await refusals(user), 3)
  })
})
