/**
 * On time or late against the level's deadline in working days (SPEC §4), with "today" pinned: period 7 of 2025
 * ends on Wednesday 30/04 (a holiday), then 1/5, the swapped 2/5 and a weekend are days off.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { as } from '#tests/helpers/factories'
import { newestRow, staff, submit, tree } from './helpers.js'

const P7 = { year: 2025, period: 7 }

test.group('Submissions: on time or late', (group) => {
  group.each.teardown(() => setToday(null))

  test('officer rows: Monday 05/05 is on time, Tuesday 06/05 is late', async ({
    client,
    assert,
  }) => {
    const { districts } = await tree(1)
    const early = await staff(districts[0].code, ['officer'])
    const tardy = await staff(districts[0].code, ['officer'])
    setToday('2025-05-05')
    ;(await submit(client, early, { unit: districts[0].code, ...P7 })).assertStatus(302)
    setToday('2025-05-06')
    ;(await submit(client, tardy, { unit: districts[0].code, ...P7 })).assertStatus(302)
    const rows = await db
      .from('submissions')
      .where('unit_id', districts[0].id)
      .where('level', 'officer')
      .orderBy('id')
    assert.deepEqual(
      rows.map((r) => [r.officer_id, Boolean(Number(r.late)), String(r.deadline).slice(0, 10)]),
      [
        [early.id, false, '2025-05-05'],
        [tardy.id, true, '2025-05-05'],
      ]
    )
  })

  test('unit reports: 06/05 on time, 07/05 late; province report: 08/05 on time; the board says so', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await tree(2)
    const [d1, d2] = districts
    setToday('2025-05-06')
    ;(
      await submit(client, await staff(d1.code, ['statistician']), { unit: d1.code, ...P7 })
    ).assertStatus(302)
    setToday('2025-05-07')
    ;(await submit(client, await staff(d2.code, ['head']), { unit: d2.code, ...P7 })).assertStatus(
      302
    )
    setToday('2025-05-08')
    const statP = await staff(province.code, ['statistician'])
    ;(await submit(client, statP, { unit: province.code, ...P7 })).assertStatus(302)
    assert.isFalse(Boolean(Number((await newestRow(d1.id)).late)))
    assert.isTrue(Boolean(Number((await newestRow(d2.id)).late)))
    const provinceRow = await newestRow(province.id)
    assert.isFalse(Boolean(Number(provinceRow.late)))
    assert.equal(String(provinceRow.deadline).slice(0, 10), '2025-05-08')

    const board = await as(
      client.get(`/periods/submissions?unit=${province.code}&year=2025&period=7`),
      statP
    )
    assert.include(
      board.text(),
      `data-unit="${d1.code}" data-level="unit" data-officer="" data-state="submitted" data-timeliness="on_time"`
    )
    assert.include(
      board.text(),
      `data-unit="${d2.code}" data-level="unit" data-officer="" data-state="submitted" data-timeliness="late"`
    )
    const lateOnly = await as(
      client.get(`/periods/submissions?unit=${province.code}&year=2025&period=7&status=late`),
      statP
    )
    assert.include(lateOnly.text(), `data-unit="${d2.code}"`)
    assert.notInclude(lateOnly.text(), `data-unit="${d1.code}"`)
  })
})
