/**
 * A submitted form is an immutable snapshot: the ComputedForm JSON as computed for the submitter, its sha256,
 * who and when; refused while an error-level rule is violated; a second submission needs a return first.
 */
import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { writeCase } from '#database/synthetic/fixtures'
import { as } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { decide, newestRow, staff, submit, tree } from './helpers.js'

test.group('Submissions: snapshots', (group) => {
  group.each.setup(() => {
    setToday('2025-04-01') // period 6 of 2025 ended on Monday 31/03; a unit has until 02/04
    return () => setToday(null)
  })

  test('a district statistician submits form 06: snapshot, sha256, deadline and audit', async ({
    client,
    assert,
  }) => {
    const { districts } = await tree(1)
    const district = districts[0]
    const officer = await staff(district.code, ['officer'])
    await writeCase(district, '2024-11-05', [{ day: '2024-11-06', officer: officer.id }])
    await writeCase(district, '2025-02-10', [
      { day: '2025-02-10', officer: officer.id },
      { day: '2025-03-03', status: 'completed' },
    ])
    const statistician = await staff(district.code, ['statistician'])

    const response = await submit(client, statistician, {
      unit: district.code,
      year: 2025,
      period: 6,
    })
    response.assertStatus(302)
    const row = await newestRow(district.id)
    assert.match(response.header('location') ?? '', new RegExp(`/periods/submissions/${row.id}$`))
    assert.equal(row.level, 'unit')
    assert.equal(row.version, 1)
    assert.equal(row.form_id, 'form-06-cases')
    assert.equal(String(row.deadline).slice(0, 10), '2025-04-02')
    assert.isFalse(Boolean(Number(row.late)))
    assert.equal(row.sha256, createHash('sha256').update(row.snapshot, 'utf8').digest('hex'))
    const snapshot = JSON.parse(row.snapshot)
    assert.equal(snapshot.unit.id, district.id)
    assert.equal(snapshot.layout, 'officer')
    assert.isNull(snapshot.officerId)
    const total = snapshot.rows.find((r: any) => r.kind === 'total')
    assert.equal(total.values.c1, 2)
    assert.equal(total.values.c8, 1)
    const [audit] = await auditRows({ action: 'submissions.submitted', actorId: statistician.id })
    assert.equal(audit.subject_id, String(row.id))
    assert.include(audit.after, row.sha256)

    // The page shows the snapshot and confirms the hash.
    const page = await as(client.get(`/periods/submissions/${row.id}`), statistician)
    page.assertStatus(200)
    assert.include(page.text(), row.sha256)
    assert.include(page.text(), 'khớp nội dung đã lưu')
    assert.include(page.text(), 'id="snapshot-table"')
  })

  test('snapshots, decisions and revisions are append-only at the database', async ({
    client,
    assert,
  }) => {
    const { districts } = await tree(1)
    const head = await staff(districts[0].code, ['head'])
    ;(await submit(client, head, { unit: districts[0].code, year: 2025, period: 6 })).assertStatus(
      302
    )
    const row = await newestRow(districts[0].id)
    await assert.rejects(() =>
      db.from('submissions').where('id', row.id).update({ snapshot: '{}' })
    )
    await assert.rejects(() => db.from('submissions').where('id', row.id).delete())
    ;(await decide(client, head, row.id, 'approve')).assertStatus(302)
    await assert.rejects(() =>
      db.from('submission_decisions').where('submission_id', row.id).update({ action: 'returned' })
    )
    await assert.rejects(() =>
      db.from('submission_decisions').where('submission_id', row.id).delete()
    )
    assert.equal((await newestRow(districts[0].id)).snapshot, row.snapshot)
  })

  test('a violated error rule refuses the submission and lists the rule', async ({
    client,
    assert,
  }) => {
    const { districts } = await tree(1)
    // A status no column knows: counted in (6) but neither in (7) nor in (14), so 6 = 7 + 14 fails.
    await writeCase(districts[0], '2024-11-05', [{ day: '2024-12-01', status: 'bogus' }])
    const statistician = await staff(districts[0].code, ['statistician'])
    const response = await submit(client, statistician, {
      unit: districts[0].code,
      year: 2025,
      period: 6,
    })
    response.assertStatus(422)
    const error = response.body().errors[0]
    assert.equal(error.code, 'submissions.errors.rules_violated')
    assert.include(error.message, 'r3')
    assert.notExists(await newestRow(districts[0].id))
    // The form page shows the Submit button disabled.
    const page = await as(
      client.get(`/reports/forms/form-06-cases?unit=${districts[0].code}&year=2025&period=6`),
      statistician
    )
    page.assertStatus(200)
    assert.include(page.text(), 'id="submission-panel"')
    assert.notInclude(page.text(), 'id="submit-form"')
  })

  test('the form page offers Submit; a second submission is refused until a return, then version 2', async ({
    client,
    assert,
  }) => {
    const { districts } = await tree(1)
    const statistician = await staff(districts[0].code, ['statistician'])
    const head = await staff(districts[0].code, ['head'])
    const page = await as(
      client.get(`/reports/forms/form-06-cases?unit=${districts[0].code}&year=2025&period=6`),
      statistician
    )
    assert.include(page.text(), 'id="submit-form"')
    ;(
      await submit(client, statistician, { unit: districts[0].code, year: 2025, period: 6 })
    ).assertStatus(302)
    const v1 = await newestRow(districts[0].id)
    const again = await submit(client, statistician, {
      unit: districts[0].code,
      year: 2025,
      period: 6,
    })
    again.assertStatus(422)
    assert.equal(again.body().errors[0].code, 'submissions.errors.already_submitted')
    ;(
      await decide(client, head, v1.id, 'return', 'Thiếu số liệu của chấp hành viên mới')
    ).assertStatus(302)
    ;(await decide(client, statistician, v1.id, 'resubmit')).assertStatus(302)
    const v2 = await newestRow(districts[0].id)
    assert.equal(v2.version, 2)
    assert.equal(v2.previous_id, v1.id)
    const board = await as(
      client.get(`/periods/submissions?unit=${districts[0].code}&year=2025&period=6`),
      head
    )
    board.assertStatus(200)
    assert.include(
      board.text(),
      `data-unit="${districts[0].code}" data-level="unit" data-officer="" data-state="submitted"`
    )
  })

  test('a period that has not ended cannot be submitted', async ({ client, assert }) => {
    const { districts } = await tree(1)
    const statistician = await staff(districts[0].code, ['statistician'])
    const response = await submit(client, statistician, {
      unit: districts[0].code,
      year: 2025,
      period: 7,
    })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].code, 'submissions.errors.period_not_ended')
  })
})
