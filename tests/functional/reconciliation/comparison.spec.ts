/**
 * Reconciliation (SPEC §9, CV 2352): paper figures entered through the page, compared with the software's forms
 * 06/07 per unit, rolled up to the province and the nation — all against figures computed by hand; who may enter
 * and read (refusals are 403 and audited); the import of a file with bad rows.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { Unit, type User } from '#accounts'
import { as, makeUser } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'

const Y = 2022
const P = 6 // 1 Oct 2021 – 31 Mar 2022

const ZERO = {
  f06_c1: 0,
  f06_c3: 0,
  f06_c4: 0,
  f06_c6: 0,
  f06_c8: 0,
  f06_c14: 0,
  f07_c1: 0,
  f07_c3: 0,
  f07_c4: 0,
  f07_c6: 0,
  f07_c8: 0,
  f07_c14: 0,
}

/**
 * Software side, by hand:
 *   D1: 3 cases decided in the period, one completed, one with an obligation of 5,000,000 VND of which 2,000,000
 *       collected → 06: c1 3, c3 3, c6 3, c8 1; 07 (thousands): c1 5000, c3 5000, c6 5000, c8 2000.
 *   D2: 2 cases, one without conditions → 06: c1 2, c3 2, c6 2, c14 1.
 *   Province office: 1 case → 06: c1 1, c3 1, c6 1.
 */
async function scenario() {
  const tree = await makeProvinceTree(2)
  const [d1, d2] = tree.districts
  await writeCase(d1, '2021-11-05', [{ day: '2022-01-10', status: 'completed' }])
  await writeCase(d1, '2021-11-06', [])
  await writeCase(d1, '2021-11-07', [
    { day: '2021-11-07', money: [['obligation', 5_000_000]] },
    { day: '2022-02-01', money: [['collected', 2_000_000]] },
  ])
  await writeCase(d2, '2021-12-01', [{ day: '2022-01-05', status: 'no_conditions' }])
  await writeCase(d2, '2021-12-02', [])
  await writeCase(tree.province, '2021-12-03', [])
  return { ...tree, d1, d2 }
}

function post(client: ApiClient, user: User, body: Record<string, unknown>) {
  return as(client.post('/reconciliation/figures'), user).withCsrfToken().form(body).redirects(0)
}

async function comparison(client: ApiClient, user: User, unit: Unit) {
  const res = await as(
    client
      .get(`/reconciliation?unit=${unit.code}&year=${Y}&period=${P}`)
      .header('accept', 'application/json'),
    user
  )
  res.assertStatus(200)
  return res.body()
}

test.group('Reconciliation: figures and roll-ups', () => {
  test('paper figures entered per district give the differences, statuses and roll-ups computed by hand', async ({
    client,
    assert,
  }) => {
    const { province, d1, d2 } = await scenario()
    const stat = await makeUser(province.code, ['statistician'])
    const d1Paper = {
      ...ZERO,
      f06_c1: 5,
      f06_c3: 5,
      f06_c6: 5,
      f06_c8: 2,
      f07_c1: 5000,
      f07_c3: 5000,
      f07_c6: 5000,
      f07_c8: 2000,
    }
    const d2Paper = { ...ZERO, f06_c1: 2, f06_c3: 2, f06_c6: 2, f06_c14: 1 }
    ;(await post(client, stat, { unit: d1.code, year: Y, period: P, ...d1Paper })).assertStatus(302)
    ;(await post(client, stat, { unit: d2.code, year: Y, period: P, ...d2Paper })).assertStatus(302)

    const body = await comparison(client, stat, province)
    const row = (code: string) => body.rows.find((r: any) => r.code === code)
    // D1: paper − software
    assert.deepInclude(row(d1.code).software, {
      f06_c1: 3,
      f06_c3: 3,
      f06_c6: 3,
      f06_c8: 1,
      f07_c1: 5000,
      f07_c8: 2000,
    })
    assert.deepInclude(row(d1.code).diff, {
      f06_c1: 2,
      f06_c3: 2,
      f06_c4: 0,
      f06_c6: 2,
      f06_c8: 1,
      f06_c14: 0,
      f07_c1: 0,
      f07_c8: 0,
    })
    assert.equal(row(d1.code).status, 'incomplete')
    assert.equal(row(d1.code).gap, 2)
    assert.equal(row(d1.code).absSum, 7)
    assert.equal(row(d1.code).due, `${Y}-08-10`)
    // D2: identical → consistent
    assert.equal(row(d2.code).status, 'consistent')
    assert.isTrue(Object.values(row(d2.code).diff).every((v) => v === 0))
    // The province office has no paper figures
    assert.equal(row(province.code).status, 'missing')
    assert.isNull(row(province.code).diff)
    // Sorted by gap: D1 first
    assert.equal(body.rows[0].code, d1.code)
    // Province roll-up: paper 5 + 2 = 7, software 3 + 2 + 1 = 6
    assert.equal(body.total.traditional.f06_c1, 7)
    assert.equal(body.total.software.f06_c1, 6)
    assert.equal(body.total.diff.f06_c1, 1)
    assert.equal(body.total.diff.f06_c14, 0)
    assert.equal(body.total.reported, 2)
    assert.equal(body.total.units, 3)
    assert.equal(body.total.status, 'incomplete')

    // National roll-up: the province row adds up its own office and districts
    const inspector = await makeUser('TC', ['inspector'])
    const national = await comparison(client, inspector, await Unit.findByOrFail('code', 'TC'))
    const p = national.rows.find((r: any) => r.code === province.code)
    assert.equal(p.traditional.f06_c1, 7)
    assert.equal(p.software.f06_c1, 6)
    assert.equal(p.diff.f06_c8, 1)
    assert.equal(p.reported, 2)
    assert.equal(p.units, 3)

    // Entering is audited; snapshots were taken for the district and the province
    const recorded = await auditRows({
      action: 'reconciliation.figures_recorded',
      actorId: stat.id,
    })
    assert.lengthOf(recorded, 2)
    const snaps = await db
      .from('reconciliation_snapshots')
      .whereIn('unit_id', [d1.id, province.id])
      .where({ year: Y, period: P })
    assert.equal(snaps.find((s) => s.unit_id === d1.id)?.gap, 2)
    assert.equal(Number(snaps.find((s) => s.unit_id === province.id)?.gap), 1)

    // Correcting D1 to the software's figures is audited with before/after and makes it consistent
    ;(
      await post(client, stat, {
        unit: d1.code,
        year: Y,
        period: P,
        ...ZERO,
        f06_c1: 3,
        f06_c3: 3,
        f06_c6: 3,
        f06_c8: 1,
        f07_c1: 5000,
        f07_c3: 5000,
        f07_c6: 5000,
        f07_c8: 2000,
      })
    ).assertStatus(302)
    const corrected = await auditRows({
      action: 'reconciliation.figures_corrected',
      actorId: stat.id,
    })
    assert.lengthOf(corrected, 1)
    assert.equal(JSON.parse(corrected[0].before).f06_c1, 5)
    assert.equal(JSON.parse(corrected[0].after).f06_c1, 3)
    const after = await comparison(client, stat, province)
    assert.equal(after.rows.find((r: any) => r.code === d1.code).status, 'consistent')

    // The page shows the table, the lists, the drill-down link and the chart
    const page = await as(
      client.get(`/reconciliation?unit=${province.code}&year=${Y}&period=${P}`),
      stat
    )
    page.assertStatus(200)
    assert.include(page.text(), 'id="comparison-06"')
    assert.include(page.text(), '/reports/forms/form-06-cases/cell?')
    assert.include(page.text(), 'id="chart-progress"')
  })

  test('a tolerance set nationally turns small differences consistent; only national staff set it', async ({
    client,
    assert,
  }) => {
    const { province, d2 } = await scenario()
    const stat = await makeUser(province.code, ['statistician'])
    ;(
      await post(client, stat, {
        unit: d2.code,
        year: Y,
        period: P,
        ...ZERO,
        f06_c1: 3,
        f06_c3: 3,
        f06_c6: 3,
        f06_c14: 1,
      })
    ).assertStatus(302)
    let body = await comparison(client, stat, province)
    assert.equal(body.rows.find((r: any) => r.code === d2.code).status, 'incomplete')

    const refused = await as(client.post('/reconciliation/plan'), stat)
      .withCsrfToken()
      .form({ year: Y })
      .redirects(0)
    refused.assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: stat.id }), 1)

    const national = await makeUser('TC', ['statistician'])
    const saved = await as(client.post('/reconciliation/plan'), national)
      .withCsrfToken()
      .form({
        year: Y,
        threshold: 1,
        due_small: `${Y}-08-01`,
        due_large: `${Y}-08-20`,
        close_on: `${Y}-09-30`,
        tolerance_cases: 1,
        tolerance_money: 0,
      })
      .redirects(0)
    saved.assertStatus(302)
    assert.lengthOf(
      await auditRows({ action: 'reconciliation.plan_saved', actorId: national.id }),
      1
    )
    body = await comparison(client, stat, province)
    assert.equal(body.rows.find((r: any) => r.code === d2.code).status, 'consistent')
    await db.from('reconciliation_plans').where('year', Y).delete()
  })

  test('refusals: other roles and other jurisdictions get 403 and an audit row; nothing is stored', async ({
    client,
    assert,
  }) => {
    const { province, d1 } = await scenario()
    const other = await makeUser('T10', ['statistician'])
    ;(await post(client, other, { unit: d1.code, year: Y, period: P, ...ZERO })).assertStatus(403)
    const head = await makeUser(d1.code, ['head'])
    ;(await post(client, head, { unit: d1.code, year: Y, period: P, ...ZERO })).assertStatus(403)
    const inspector = await makeUser('TC', ['inspector'])
    ;(await post(client, inspector, { unit: d1.code, year: Y, period: P, ...ZERO })).assertStatus(
      403
    )
    const officer = await makeUser(d1.code, ['officer'])
    ;(await as(client.get(`/reconciliation?unit=${d1.code}`), officer)).assertStatus(403)
    const districtStat = await makeUser(d1.code, ['statistician'])
    ;(await as(client.get(`/reconciliation?unit=${province.code}`), districtStat)).assertStatus(403)
    for (const u of [other, head, inspector, officer, districtStat]) {
      const rows = await auditRows({ action: 'access.denied', actorId: u.id, outcome: 'refused' })
      assert.lengthOf(rows, 1, u.email)
    }
    const stored = await db.from('traditional_figures').where('unit_id', d1.id)
    assert.lengthOf(stored, 0)
  })

  test('the form refuses broken identities and an unfinished period, keeping nothing', async ({
    client,
    assert,
  }) => {
    const { d1 } = await scenario()
    const stat = await makeUser(d1.code, ['statistician'])
    const bad = await post(client, stat, {
      unit: d1.code,
      year: Y,
      period: P,
      ...ZERO,
      f06_c1: 2,
      f06_c3: 5,
    })
    bad.assertStatus(302)
    const future = await post(client, stat, { unit: d1.code, year: 2100, period: 12, ...ZERO })
    future.assertStatus(302)
    assert.lengthOf(await db.from('traditional_figures').where('unit_id', d1.id), 0)
  })
})

test.group('Reconciliation: locks and validation', () => {
  test('a closed statistical year freezes its paper figures; broken identities are named per field', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { d1 } = await scenario()
    const stat = await makeUser(d1.code, ['statistician'])
    const json = (body: Record<string, unknown>) =>
      as(client.post('/reconciliation/figures'), stat)
        .withCsrfToken()
        .header('accept', 'application/json')
        .form(body)
    const bad = await json({ unit: d1.code, year: Y, period: P, ...ZERO, f06_c1: 2, f06_c3: 5 })
    bad.assertStatus(422)
    assert.deepEqual(
      bad.body().errors.map((e: any) => e.field),
      ['f06_c3']
    )
    assert.include(bad.body().errors[0].message, 'Thụ lý mới không được lớn hơn tổng số thụ lý')

    const closedYear = 2019
    await db
      .table('year_closures')
      .insert({ year: closedYear, closed_by_id: stat.id, closed_at: new Date() })
    cleanup(async () => {
      await db.from('year_closures').where('year', closedYear).delete()
    })
    const closed = await json({ unit: d1.code, year: closedYear, period: 12, ...ZERO })
    closed.assertStatus(422)
    assert.equal(closed.body().errors[0].code, 'reconciliation.year_closed')
    assert.lengthOf(await db.from('traditional_figures').where('unit_id', d1.id), 0)
  })
})

test.group('Reconciliation: pages and exports', () => {
  test('the figures form, the plan page and both exports answer; the export is audited', async ({
    client,
    assert,
  }) => {
    const { province, d1 } = await scenario()
    const stat = await makeUser(province.code, ['statistician'])
    const form = await as(
      client.get(`/reconciliation/figures?unit=${d1.code}&year=${Y}&period=${P}`),
      stat
    )
    form.assertStatus(200)
    assert.include(form.text(), 'name="f07_c14"')
    const template = await as(client.get('/reconciliation/figures/template'), stat)
    template.assertStatus(200)
    assert.include(template.text(), 'unit_code,year,period,f06_c1')
    const national = await makeUser('TC', ['head'])
    const plan = await as(client.get(`/reconciliation/plan?year=${Y}`), national)
    plan.assertStatus(200)
    assert.include(plan.text(), `value="${Y}-08-10"`)
    const xlsx = await as(
      client.get(`/reconciliation?unit=${province.code}&year=${Y}&period=${P}&form=07&format=xlsx`),
      stat
    )
    xlsx.assertStatus(200)
    assert.include(
      xlsx.header('content-disposition'),
      `reconciliation-07_${province.code}_${Y}-06.xlsx`
    )
    const pdf = await as(
      client.get(`/reconciliation?unit=${province.code}&year=${Y}&period=${P}&format=pdf`),
      stat
    )
    pdf.assertStatus(200)
    assert.include(pdf.header('content-type'), 'pdf')
    const audits = await auditRows({ action: 'reporting.export.download', actorId: stat.id })
    assert.lengthOf(audits, 2)
  })
})
