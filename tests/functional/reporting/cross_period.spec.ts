/**
 * The cross-period check (SPEC §5): column 2 constant within a year and equal to last year's column 16; flows never
 * decrease from one period to the next — as a page, as session JSON and through the token API.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'

const Q = 'year=2025&period=3'

test.group('Reports: cross-period check', () => {
  test('consistent histories pass every cross-period rule', async ({ client, assert }) => {
    const { province, districts } = await makeProvinceTree(1)
    // Carried over from the previous year, then completed; and a new case collecting in two months.
    await writeCase(districts[0], '2024-03-01', [
      { day: '2024-03-01', money: [['obligation', 2_000_000]] },
      { day: '2024-11-05', money: [['collected', 2_000_000]], status: 'completed' },
    ])
    await writeCase(districts[0], '2024-10-07', [
      { day: '2024-10-07', money: [['obligation', 9_000_000]] },
      { day: '2024-10-20', money: [['collected', 1_000_000]] },
      { day: '2024-12-02', money: [['collected', 3_000_000]] },
    ])
    const user = await makeUser(province.code, ['statistician'])
    for (const form of ['form-06-cases', 'form-07-money']) {
      const page = await as(
        client.get(`/reports/forms/${form}/across?unit=${province.code}&${Q}`),
        user
      )
      page.assertStatus(200)
      assert.include(page.text(), 'id="across-passed"', form)
      const json = await as(
        client.get(`/reports/forms/${form}/across?unit=${province.code}&${Q}`).accept('json'),
        user
      )
      assert.deepEqual(json.body().violations, [], form)
      assert.deepEqual(
        json.body().periods.map((p: { n: number }) => p.n),
        [1, 2, 3]
      )
      assert.equal(json.body().previousYear.n, 12)
    }
    const form = await as(
      client.get(`/reports/forms/form-06-cases?unit=${province.code}&${Q}`),
      user
    )
    assert.include(form.text(), 'id="across-link"')
  })

  test('a flow that decreases between periods is reported with its row, column and values', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await makeProvinceTree(1)
    // A negative collection in November is not a legal posting: column 8 of form 07 would fall from period 1 to 2.
    await writeCase(districts[0], '2024-10-07', [
      { day: '2024-10-07', money: [['obligation', 9_000_000]] },
      { day: '2024-10-20', money: [['collected', 1_000_000]] },
      { day: '2024-11-04', money: [['collected', -400_000]] },
    ])
    const user = await makeUser(province.code, ['statistician'])
    const json = await as(
      client.get(`/reports/forms/form-07-money/across?unit=${province.code}&${Q}`).accept('json'),
      user
    )
    json.assertStatus(200)
    const violation = (json.body().violations as any[]).find(
      (v) => v.rule === 'flow_never_decreases' && v.column === 'c8'
    )
    assert.exists(violation)
    assert.equal(violation.period, 2)
    assert.equal(violation.expected, 1_000_000)
    assert.equal(violation.actual, 600_000)
    const page = await as(
      client.get(`/reports/forms/form-07-money/across?unit=${province.code}&${Q}`),
      user
    )
    assert.include(page.text(), 'id="across-violated"')
    assert.include(page.text(), 'data-rule="flow_never_decreases"')
  })

  test('other jurisdictions are refused and audited; a reports:read token gets JSON', async ({
    client,
    assert,
  }) => {
    const outsider = await makeUser(UNITS.laocai, ['statistician'])
    const refused = await as(
      client.get(`/reports/forms/form-06-cases/across?unit=${UNITS.hanoi}&${Q}`),
      outsider
    )
    refused.assertStatus(403)
    const rows = await db
      .from('audit_events')
      .where('action', 'access.denied')
      .where('actor_id', outsider.id)
    assert.lengthOf(rows, 1)

    const inspector = await makeUser(UNITS.national, ['inspector'])
    const token = (await User.accessTokens.create(inspector, ['reports:read'])).value!.release()
    const api = await client
      .get(`/api/v1/forms/form-06-cases/across?unit=${UNITS.hanoi}&${Q}`)
      .bearerToken(token)
    api.assertStatus(200)
    assert.isTrue(api.body().applicable)
    const noScope = (await User.accessTokens.create(inspector, ['cases:read'])).value!.release()
    ;(
      await client
        .get(`/api/v1/forms/form-06-cases/across?unit=${UNITS.hanoi}&${Q}`)
        .bearerToken(noScope)
    ).assertStatus(403)
  })
})
