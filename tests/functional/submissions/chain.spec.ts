/**
 * The approval chain of SPEC §4 through HTTP: officer row → unit report (approved by its head) → received by the
 * province → province report (approved by the province head) → accepted nationally; returns with a reason and
 * new versions; every refusal by role or jurisdiction is a 403 with an audit row.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { writeCase } from '#database/synthetic/fixtures'
import { as, UNITS } from '#tests/helpers/factories'
import { decide, decisionsOf, denials, newestRow, staff, submit, tree } from './helpers.js'

const P6 = { year: 2025, period: 6 }

test.group('Submissions: approval chain', (group) => {
  group.each.setup(() => {
    setToday('2025-04-01')
    return () => setToday(null)
  })

  test('officer row → unit → province → national, with each role refused where it does not belong', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await tree(2)
    const [d1, d2] = districts
    const officer = await staff(d1.code, ['officer'])
    const otherOfficer = await staff(d1.code, ['officer'])
    await writeCase(d1, '2024-11-05', [{ day: '2024-11-06', officer: officer.id }])
    await writeCase(d1, '2024-11-07', [{ day: '2024-11-08', officer: otherOfficer.id }])
    const [statD1, headD1, headD2, statP, headP, headTC, statTC, inspector, statHanoi, headHanoi] =
      await Promise.all([
        staff(d1.code, ['statistician']),
        staff(d1.code, ['head']),
        staff(d2.code, ['head']),
        staff(province.code, ['statistician']),
        staff(province.code, ['head']),
        staff(UNITS.national, ['head']),
        staff(UNITS.national, ['statistician']),
        staff(UNITS.national, ['inspector']),
        staff(UNITS.hanoi, ['statistician']),
        staff(UNITS.hanoi, ['head']),
      ])

    // 1. The officer submits its own row only.
    ;(await submit(client, officer, { unit: d1.code, ...P6 })).assertStatus(302)
    const row = await newestRow(d1.id, 'officer')
    assert.equal(row.officer_id, officer.id)
    assert.deepEqual(
      JSON.parse(row.snapshot).rows.map((r: any) => r.key),
      [officer.id]
    )
    assert.equal(String(row.deadline).slice(0, 10), '2025-04-01') // 31/03 + 1 working day
    // An officer of another district cannot submit for D1; the officer cannot approve its own row.
    const strayOfficer = await staff(d2.code, ['officer'])
    ;(await submit(client, strayOfficer, { unit: d1.code, ...P6 })).assertStatus(403)
    ;(await decide(client, officer, row.id, 'approve')).assertStatus(403)
    ;(await decide(client, headD2, row.id, 'approve')).assertStatus(403)
    for (const user of [strayOfficer, officer, headD2]) assert.lengthOf(await denials(user), 1)
    assert.equal((await denials(headD2))[0].subject_type, 'submission')
    ;(await decide(client, statD1, row.id, 'approve')).assertStatus(302)
    assert.deepEqual(
      (await decisionsOf(row.id)).map((d) => d.action),
      ['approved']
    )

    // 2. The unit report: submitted by its statistician, approved by its head only.
    for (const user of [statP, statHanoi, inspector, headTC]) {
      ;(await submit(client, user, { unit: d1.code, ...P6 })).assertStatus(403)
      const [denied] = await denials(user)
      assert.equal(denied.subject_type, 'unit')
      assert.equal(denied.subject_id, String(d1.id))
    }
    ;(await submit(client, statD1, { unit: d1.code, ...P6 })).assertStatus(302)
    const unitReport = await newestRow(d1.id, 'unit')
    for (const user of [statD1, headD2, headP, headHanoi]) {
      ;(await decide(client, user, unitReport.id, 'approve')).assertStatus(403)
      assert.equal((await denials(user))[0].subject_id, String(unitReport.id))
    }
    const early = await decide(client, statP, unitReport.id, 'accept')
    early.assertStatus(422)
    assert.equal(early.body().errors[0].code, 'submissions.errors.wrong_state')
    ;(await decide(client, headD1, unitReport.id, 'approve')).assertStatus(302)
    // Received by the province (head or statistician of the parent), nobody else.
    for (const user of [headD1, headHanoi, statTC])
      (await decide(client, user, unitReport.id, 'accept')).assertStatus(403)
    ;(await decide(client, statP, unitReport.id, 'accept')).assertStatus(302)
    assert.deepEqual(
      (await decisionsOf(unitReport.id)).map((d) => d.action),
      ['approved', 'accepted']
    )

    // 3. The province report includes its districts; its head approves; the national level returns it, then accepts v2.
    ;(await submit(client, statP, { unit: province.code, ...P6 })).assertStatus(302)
    const provinceReport = await newestRow(province.id, 'province')
    const snapshot = JSON.parse(provinceReport.snapshot)
    assert.equal(snapshot.layout, 'unit')
    assert.includeMembers(snapshot.rows.map((r: any) => r.unitCode).filter(Boolean), [
      d1.code,
      d2.code,
    ])
    assert.equal(String(provinceReport.deadline).slice(0, 10), '2025-04-04') // 31/03 + 4 working days
    ;(await decide(client, statP, provinceReport.id, 'approve')).assertStatus(403)
    ;(await decide(client, headP, provinceReport.id, 'approve')).assertStatus(302)
    for (const user of [headHanoi, inspector, headP])
      (await decide(client, user, provinceReport.id, 'return', 'Thiếu số liệu huyện')).assertStatus(
        403
      )
    const noReason = await decide(client, headTC, provinceReport.id, 'return', '')
    noReason.assertStatus(422)
    assert.deepEqual(
      (await decisionsOf(provinceReport.id)).map((d) => d.action),
      ['approved']
    )
    ;(
      await decide(client, headTC, provinceReport.id, 'return', 'Số liệu cột 8 chưa khớp sổ thụ lý')
    ).assertStatus(302)
    const board = await as(
      client.get(`/periods/submissions?unit=${province.code}&year=2025&period=6`),
      statP
    )
    assert.include(board.text(), 'Số liệu cột 8 chưa khớp sổ thụ lý')
    assert.include(
      board.text(),
      `data-unit="${province.code}" data-level="province" data-officer="" data-state="returned"`
    )
    ;(await decide(client, statP, provinceReport.id, 'resubmit')).assertStatus(302)
    const v2 = await newestRow(province.id, 'province')
    assert.equal(v2.version, 2)
    ;(await decide(client, headTC, provinceReport.id, 'accept')).assertStatus(422) // the returned v1 is superseded
    ;(await decide(client, headP, v2.id, 'approve')).assertStatus(302)
    ;(await decide(client, statTC, v2.id, 'accept')).assertStatus(302)
    const audits = await db
      .from('audit_events')
      .where('subject_type', 'submission')
      .where('subject_id', String(v2.id))
      .orderBy('id')
    assert.deepEqual(
      audits.map((a) => a.action),
      ['submissions.resubmitted', 'submissions.approved', 'submissions.accepted']
    )
  })

  test('the board: the province head sees its districts, the national level its provinces; others are refused', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await tree(2)
    const [d1, d2] = districts
    const statD1 = await staff(d1.code, ['statistician'])
    const headD1 = await staff(d1.code, ['head'])
    const officer = await staff(d1.code, ['officer'])
    setToday('2025-04-03') // after the unit deadline (02/04): D1 late, D2 overdue
    ;(await submit(client, statD1, { unit: d1.code, ...P6 })).assertStatus(302)
    ;(await decide(client, headD1, (await newestRow(d1.id)).id, 'approve')).assertStatus(302)

    const headP = await staff(province.code, ['head'])
    const page = await as(
      client.get(`/periods/submissions?unit=${province.code}&year=2025&period=6`),
      headP
    )
    page.assertStatus(200)
    assert.include(
      page.text(),
      `data-unit="${d1.code}" data-level="unit" data-officer="" data-state="approved" data-timeliness="late"`
    )
    assert.include(
      page.text(),
      `data-unit="${d2.code}" data-level="unit" data-officer="" data-state="overdue"`
    )
    const lateOnly = await as(
      client.get(`/periods/submissions?unit=${province.code}&year=2025&period=6&status=approved`),
      headP
    )
    assert.include(lateOnly.text(), `data-unit="${d1.code}"`)
    assert.notInclude(lateOnly.text(), `data-unit="${d2.code}"`)

    const headTC = await staff(UNITS.national, ['head'])
    const national = await as(
      client.get(`/periods/submissions?unit=${UNITS.national}&year=2025&period=6`),
      headTC
    )
    assert.include(national.text(), `data-unit="${province.code}" data-level="province"`)
    assert.notInclude(national.text(), `data-unit="${d1.code}"`)

    // The officer reads only its own row; a head of another province and a warehouse keeper are refused.
    const mine = await as(
      client.get(`/periods/submissions?unit=${d1.code}&year=2025&period=6`),
      officer
    )
    mine.assertStatus(200)
    assert.include(mine.text(), `data-officer="${officer.id}"`)
    assert.notInclude(mine.text(), 'data-level="unit"')
    const headHanoi = await staff(UNITS.hanoi, ['head'])
    ;(
      await as(
        client.get(`/periods/submissions?unit=${province.code}&year=2025&period=6`),
        headHanoi
      )
    ).assertStatus(403)
    const keeper = await staff(d1.code, ['warehouse_keeper'])
    ;(await as(client.get('/periods/submissions'), keeper)).assertStatus(403)
    ;(
      await as(client.get(`/periods/submissions/${(await newestRow(d1.id)).id}`), headHanoi)
    ).assertStatus(403)
    assert.lengthOf(await denials(headHanoi), 2)
    assert.lengthOf(await denials(keeper), 1)
  })

  test('the dashboard card lists what waits for each level and what came back', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await tree(1)
    const d1 = districts[0]
    const [statD1, headD1, statP] = await Promise.all([
      staff(d1.code, ['statistician']),
      staff(d1.code, ['head']),
      staff(province.code, ['statistician']),
    ])
    ;(await submit(client, statD1, { unit: d1.code, ...P6 })).assertStatus(302)
    const report = await newestRow(d1.id)
    const card = async (user: typeof statD1) => (await as(client.get('/'), user)).text()
    assert.include(await card(headD1), `data-submission="${report.id}"`)
    assert.notInclude(await card(statP), `data-submission="${report.id}"`)
    ;(await decide(client, headD1, report.id, 'approve')).assertStatus(302)
    assert.notInclude(await card(headD1), `data-submission="${report.id}"`)
    assert.include(await card(statP), `data-submission="${report.id}"`)
    ;(await decide(client, statP, report.id, 'return', 'Cột 11 chưa khớp')).assertStatus(302)
    assert.include(await card(statD1), `data-submission="${report.id}"`)
  })
})
