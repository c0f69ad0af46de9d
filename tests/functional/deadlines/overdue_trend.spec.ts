import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { takeOverdueSnapshot, overdueTrend } from '#cases'
import { as, makeUser, UNITS } from '#tests/helpers/factories'

const TODAY = '2026-11-28'

/** A pending deadline fact of the officer's unit, due on `due` (a case id no other test uses). */
async function fact(officer: { id: number; unitId: number; unit: { path: string } }, due: string) {
  const caseId = 900000000 + Math.floor(Math.random() * 90000000)
  await db.table('case_deadlines').insert({
    case_id: caseId,
    request_id: null,
    unit_id: officer.unitId,
    unit_path: officer.unit.path,
    officer_id: officer.id,
    kind: 'verification',
    anchor: 'decision',
    anchor_date: '2026-10-01',
    due_on: due,
    months: null,
  })
}

/** Overdue facts under a unit path before a day, counted straight from case_deadlines. */
async function directCount(path: string, day: string) {
  const [row] = await db
    .from('case_deadlines')
    .where('unit_path', 'like', `${path}%`)
    .where('due_on', '<', day)
    .count('* as n')
  return Number(row.n)
}

test.group('Overdue trend: daily snapshots of overdue deadlines', (group) => {
  group.setup(() => {
    setToday(TODAY)
    return () => setToday(null)
  })

  test('the snapshot counts deadlines due before its day per officer and unit; today is live', async ({
    assert,
  }) => {
    const officer = await makeUser(UNITS.sapa, ['officer'])
    for (const due of ['2026-11-10', '2026-11-15', '2026-11-25', '2026-12-30'])
      await fact(officer, due)
    await takeOverdueSnapshot('2026-11-20')
    await takeOverdueSnapshot('2026-11-26')
    // retaking a day replaces it (the daily job may run twice)
    await takeOverdueSnapshot('2026-11-26')
    const mine = await overdueTrend({ officerId: officer.id }, 30, TODAY)
    const at = (d: string) => mine.values[mine.days.indexOf(d)]
    assert.equal(at('2026-11-20'), 2)
    assert.equal(at('2026-11-26'), 3)
    assert.equal(mine.days[mine.days.length - 1], TODAY)
    assert.equal(at(TODAY), 3)
    // a new overdue fact today shows at once in today's point, not in the past snapshots
    await fact(officer, '2026-11-27')
    const after = await overdueTrend({ officerId: officer.id }, 30, TODAY)
    assert.equal(after.values[after.days.indexOf('2026-11-26')], 3)
    assert.equal(after.values[after.days.length - 1], 4)

    // the unit's figure of a day is the sum over its subtree, equal to a direct count at snapshot time
    const unitPath = officer.unit.path
    const expected = await directCount(unitPath, '2026-11-26')
    await takeOverdueSnapshot('2026-11-26')
    const unit = await overdueTrend({ path: unitPath }, 30, TODAY)
    assert.equal(unit.values[unit.days.indexOf('2026-11-26')], expected)
    assert.equal(unit.values[unit.days.length - 1], await directCount(unitPath, TODAY))
    // a day without any snapshot is not invented
    assert.notInclude(unit.days, '2026-11-21')
  })

  test('a day whose snapshot has no row for the scope reads 0, not a gap or an old figure', async ({
    assert,
  }) => {
    const officer = await makeUser(UNITS.sapa, ['officer'])
    await takeOverdueSnapshot('2026-11-22')
    await fact(officer, '2026-11-24')
    const mine = await overdueTrend({ officerId: officer.id }, 30, TODAY)
    assert.equal(mine.values[mine.days.indexOf('2026-11-22')], 0)
    assert.equal(mine.values[mine.days.length - 1], 1)
  })

  test('the head and the officer see the chart with its table and link to the overdue list; a clerk does not', async ({
    client,
    assert,
  }) => {
    const officer = await makeUser(UNITS.sapa, ['officer'])
    const head = await makeUser(UNITS.sapa, ['head'])
    const clerk = await makeUser(UNITS.sapa, ['intake_clerk'])
    await fact(officer, '2026-11-02')
    await fact(officer, '2026-11-03')
    await takeOverdueSnapshot('2026-11-27')

    const mine = await as(client.get('/'), officer)
    mine.assertStatus(200)
    mine.assertTextIncludes('id="chart-overdue-trend"')
    mine.assertTextIncludes('Thời hạn quá hạn của tôi')
    mine.assertTextIncludes('href="/deadlines/mine"')
    assert.match(
      mine.text(),
      /id="overdue-today"><a href="\/deadlines\/mine"><span class="figure">2<\/span>/
    )
    assert.include(mine.text(), '<th scope="row">')

    const unit = await as(client.get('/'), head)
    unit.assertStatus(200)
    unit.assertTextIncludes('id="chart-overdue-trend"')
    unit.assertTextIncludes('href="/deadlines"')
    const live = await directCount(head.unit.path, TODAY)
    assert.match(
      unit.text(),
      new RegExp(
        `id="overdue-today"><a href="/deadlines"><span class="figure">${live.toLocaleString('vi-VN')}</span>`
      )
    )
    // the 27/11 point of the head's table is the subtree's count that day
    const snap = await directCount(head.unit.path, '2026-11-27')
    assert.match(
      unit.text(),
      new RegExp(`<a href="/deadlines">27/11</a>\\s*</th>\\s*<td class="num">${snap}</td>`)
    )

    const other = await as(client.get('/'), clerk)
    other.assertStatus(200)
    assert.notInclude(other.text(), 'chart-overdue-trend')
  })
})
