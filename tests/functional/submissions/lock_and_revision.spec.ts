/**
 * What an approved report freezes ('submitted' in the lock check) and what happens when data it covers is
 * corrected under an approved past-period exception: the snapshot is marked revised, its page shows the
 * changed cells (old → new), and a new version may be submitted.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { assertWritable, lockStatus } from '#periods'
import { writeCase } from '#database/synthetic/fixtures'
import { as } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { makeEditRequest } from '#tests/helpers/periods'
import { decide, newestRow, staff, submit, tree } from './helpers.js'

const P6 = { year: 2025, period: 6 }

test.group('Submissions: locks and revisions', (group) => {
  group.each.setup(() => {
    setToday('2025-04-01') // March is still open (closes 31/03 + 1 working day)
    return () => setToday(null)
  })

  test('an approved unit report locks its unit up to the period end; a province report locks its subtree', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await tree(2)
    const [d1, d2] = districts
    const [statD1, headD1, statP, headP] = await Promise.all([
      staff(d1.code, ['statistician']),
      staff(d1.code, ['head']),
      staff(province.code, ['statistician']),
      staff(province.code, ['head']),
    ])
    assert.equal((await lockStatus(d1.id, '2025-03-20')).reason, 'open')

    ;(await submit(client, statD1, { unit: d1.code, ...P6 })).assertStatus(302)
    const report = await newestRow(d1.id)
    assert.equal((await lockStatus(d1.id, '2025-03-20')).reason, 'open') // submitted, not yet approved
    ;(await decide(client, headD1, report.id, 'approve')).assertStatus(302)
    assert.equal((await lockStatus(d1.id, '2025-03-20')).reason, 'submitted')
    assert.equal((await lockStatus(d1.id, '2025-04-01')).reason, 'open') // after the period
    assert.equal((await lockStatus(d2.id, '2025-03-20')).reason, 'open') // another district
    await assert.rejects(
      () =>
        db.transaction((trx) => assertWritable(d1.id, '2025-03-31', { actorId: statD1.id, trx })),
      /periods.locked.submitted/
    )

    // Returned by the province: the unit may correct its data again.
    ;(await decide(client, statP, report.id, 'return', 'Chưa khớp với sổ thụ lý')).assertStatus(302)
    assert.equal((await lockStatus(d1.id, '2025-03-20')).reason, 'open')

    ;(await submit(client, statP, { unit: province.code, ...P6 })).assertStatus(302)
    ;(await decide(client, headP, (await newestRow(province.id)).id, 'approve')).assertStatus(302)
    for (const unit of [province, d1, d2])
      assert.equal((await lockStatus(unit.id, '2025-03-20')).reason, 'submitted')
  })

  test('an edit under an approved exception marks the covering snapshots revised and the page shows the changed cells', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await tree(1)
    const d1 = districts[0]
    const officer = await staff(d1.code, ['officer'])
    const bystander = await staff(d1.code, ['officer'])
    const [statD1, headD1, statP, headP] = await Promise.all([
      staff(d1.code, ['statistician']),
      staff(d1.code, ['head']),
      staff(province.code, ['statistician']),
      staff(province.code, ['head']),
    ])
    const caseId = await writeCase(d1, '2024-11-05', [{ day: '2024-11-06', officer: officer.id }])

    for (const [user, unit] of [
      [officer, d1],
      [bystander, d1],
      [statD1, d1],
    ] as const)
      (await submit(client, user, { unit: unit.code, ...P6 })).assertStatus(302)
    const unitReport = await newestRow(d1.id, 'unit')
    ;(await decide(client, headD1, unitReport.id, 'approve')).assertStatus(302)
    ;(await submit(client, statP, { unit: province.code, ...P6 })).assertStatus(302)
    const provinceReport = await newestRow(province.id, 'province')
    ;(await decide(client, headP, provinceReport.id, 'approve')).assertStatus(302)
    const total = JSON.parse(unitReport.snapshot).rows.find((r: any) => r.kind === 'total')
    assert.equal(total.values.c8, 0)
    assert.equal(total.values.c11, 1)

    // Ten days later March is closed; the officer corrects it under an approved request: the case was completed on 20/03.
    setToday('2025-04-10')
    const requestId = await makeEditRequest(d1, officer, {
      month: '2025-03',
      from: '2025-04-10',
      until: '2025-04-17',
      caseIds: [caseId],
    })
    await db.transaction(async (trx) => {
      const { editRequestId } = await assertWritable(d1.id, '2025-03-20', {
        actorId: officer.id,
        caseId,
        trx,
      })
      assert.equal(editRequestId, requestId)
      await trx
        .from('case_status_spans')
        .where('case_id', caseId)
        .whereNull('to_date')
        .update({ to_date: '2025-03-20' })
      await trx.insertQuery().table('case_status_spans').insert({
        case_id: caseId,
        unit_id: d1.id,
        unit_path: d1.path,
        status: 'completed',
        from_date: '2025-03-20',
        to_date: null,
      })
    })

    const revisions = await db.from('submission_revisions').where('edit_request_id', requestId)
    const marked = revisions.map((r) => r.submission_id).sort()
    const officerRow = await newestRow(d1.id, 'officer') // the bystander's, submitted second
    assert.includeMembers(marked, [unitReport.id, provinceReport.id])
    assert.notInclude(marked, officerRow.id) // the bystander never held the case
    assert.lengthOf(marked, 3) // + the officer's own row
    assert.isAtLeast(
      (await auditRows({ action: 'submissions.revised', subjectId: unitReport.id })).length,
      1
    )

    const page = await as(client.get(`/periods/submissions/${unitReport.id}`), headD1)
    page.assertStatus(200)
    assert.include(page.text(), 'data-revised="yes"')
    assert.include(page.text(), `data-change="-1:c8"`)
    assert.include(page.text(), '<mark data-changed="yes">0 → 1</mark>')
    assert.include(page.text(), `/periods/requests/${requestId}`)
    const json = await as(
      client.get(`/periods/submissions/${unitReport.id}`).header('accept', 'application/json'),
      headD1
    )
    const c11 = json.body().changes.find((c: any) => c.row === -1 && c.column === 'c11')
    assert.deepEqual([c11.before, c11.after], [1, 0])
    // The snapshot itself is unchanged; the unit submits a revised version.
    assert.equal(
      JSON.parse((await newestRow(d1.id, 'unit')).snapshot).rows.find(
        (r: any) => r.kind === 'total'
      ).values.c8,
      0
    )
    ;(await decide(client, statD1, unitReport.id, 'resubmit')).assertStatus(302)
    const v2 = await newestRow(d1.id, 'unit')
    assert.equal(v2.version, 2)
    assert.isTrue(Boolean(Number(v2.late)))
    assert.equal(JSON.parse(v2.snapshot).rows.find((r: any) => r.kind === 'total').values.c8, 1)
  })
})
