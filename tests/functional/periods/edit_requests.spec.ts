import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { lockStatus, assertWritable } from '#periods'
import { makeUser, unitByCode, as, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'

const EXPLANATION = 'Nhập sai ngày hiệu lực của quyết định đình chỉ, cần sửa lại cho đúng hồ sơ.'
// Monday 10/3/2025: January 2025 closed on 3/2, March is open, May is in the future.
const TODAY = '2025-03-10'

async function latestRequest(requesterId: number) {
  return db
    .from('edit_requests')
    .where('requested_by_id', requesterId)
    .orderBy('id', 'desc')
    .first()
}

test.group('Past-period edit requests: the workflow', (group) => {
  group.each.setup(() => {
    setToday(TODAY)
    return () => setToday(null)
  })

  test('officer files, the district head confirms, the national head approves, the edit passes and is tagged', async ({
    client,
    assert,
  }) => {
    const badinh = await unitByCode(UNITS.badinh)
    const officer = await makeUser(UNITS.badinh, ['officer'])
    const head = await makeUser(UNITS.badinh, ['head'])
    const national = await makeUser(UNITS.national, ['head'])

    const filed = await as(
      client
        .post('/periods/requests')
        .form({ unit_id: badinh.id, month: '2025-01', explanation: EXPLANATION, case_ids: '' })
        .withCsrfToken()
        .redirects(0),
      officer
    )
    filed.assertStatus(302)
    const row = await latestRequest(officer.id)
    filed.assertHeader('location', `/periods/requests/${row.id}`)
    assert.equal(row.status, 'pending_confirmation')
    assert.lengthOf(await auditRows({ action: 'periods.edit_request.filed', subjectId: row.id }), 1)
    assert.equal(
      (await lockStatus(badinh.id, '2025-01-15', { actorId: officer.id })).reason,
      'period_closed'
    )

    ;(
      await as(
        client
          .post(`/periods/requests/${row.id}/confirm`)
          .form({ comment: 'Đồng ý' })
          .withCsrfToken()
          .redirects(0),
        head
      )
    ).assertStatus(302)
    assert.equal((await latestRequest(officer.id)).status, 'pending_approval')
    assert.lengthOf(
      await auditRows({ action: 'periods.edit_request.confirmed', actorId: head.id }),
      1
    )

    ;(
      await as(
        client
          .post(`/periods/requests/${row.id}/approve`)
          .form({ days: 5, comment: 'Cho phép sửa' })
          .withCsrfToken()
          .redirects(0),
        national
      )
    ).assertStatus(302)
    const approved = await latestRequest(officer.id)
    assert.equal(approved.status, 'approved')
    assert.equal(String(approved.exception_from).slice(0, 10), '2025-03-10')
    assert.equal(String(approved.exception_until).slice(0, 10), '2025-03-14')
    assert.lengthOf(
      await auditRows({ action: 'periods.edit_request.approved', actorId: national.id }),
      1
    )

    // The lock now lets the officer (and only the officer) write January data, and tags the edit.
    assert.deepEqual(await lockStatus(badinh.id, '2025-01-15', { actorId: officer.id }), {
      reason: 'exception_active',
      editRequestId: row.id,
      lockedBy: 'period_closed',
    })
    assert.equal(
      (await lockStatus(badinh.id, '2025-01-15', { actorId: head.id })).reason,
      'period_closed'
    )
    await db.transaction(async (trx) => {
      assert.deepEqual(
        await assertWritable(badinh.id, '2025-01-15', { actorId: officer.id, trx }),
        { editRequestId: row.id }
      )
    })
    const page = await as(client.get(`/periods/requests/${row.id}`), officer)
    page.assertStatus(200)
    page.assertTextIncludes('Tổng cục phê duyệt')
    page.assertTextIncludes('Sửa số liệu ngày 15/01/2025')
    page.assertTextIncludes('Đang được sửa')

    // After the time box the month is locked again and the request shows as expired.
    setToday('2025-03-15')
    assert.equal(
      (await lockStatus(badinh.id, '2025-01-15', { actorId: officer.id })).reason,
      'period_closed'
    )
    ;(await as(client.get(`/periods/requests/${row.id}`), officer)).assertTextIncludes(
      'Hết hạn sửa'
    )
  })

  test('a head files for its own unit: confirmed at once; the national head cannot approve its own request', async ({
    client,
    assert,
  }) => {
    const caugiay = await unitByCode(UNITS.caugiay)
    const national = await unitByCode(UNITS.national)
    const head = await makeUser(UNITS.caugiay, ['head'])
    const nationalHead = await makeUser(UNITS.national, ['head'])

    ;(
      await as(
        client
          .post('/periods/requests')
          .form({ unit_id: caugiay.id, month: '2025-01', explanation: EXPLANATION })
          .withCsrfToken()
          .redirects(0),
        head
      )
    ).assertStatus(302)
    const own = await latestRequest(head.id)
    assert.equal(own.status, 'pending_approval')
    const steps = await db.from('edit_request_steps').where('edit_request_id', own.id).orderBy('id')
    assert.deepEqual(
      steps.map((s) => s.action),
      ['filed', 'confirmed']
    )

    ;(
      await as(
        client
          .post('/periods/requests')
          .form({ unit_id: national.id, month: '2025-02', explanation: EXPLANATION })
          .withCsrfToken()
          .redirects(0),
        nationalHead
      )
    ).assertStatus(302)
    const nationalOwn = await latestRequest(nationalHead.id)
    const refused = await as(
      client
        .post(`/periods/requests/${nationalOwn.id}/approve`)
        .form({ days: 7 })
        .withCsrfToken()
        .accept('json'),
      nationalHead
    )
    refused.assertStatus(422)
    assert.include(refused.text(), 'Không được tự phê duyệt')

    // A rejection must say why.
    const noReason = await as(
      client
        .post(`/periods/requests/${own.id}/reject`)
        .form({ comment: '' })
        .withCsrfToken()
        .accept('json'),
      nationalHead
    )
    noReason.assertStatus(422)
    ;(
      await as(
        client
          .post(`/periods/requests/${own.id}/reject`)
          .form({ comment: 'Giải trình chưa đủ căn cứ' })
          .withCsrfToken()
          .redirects(0),
        nationalHead
      )
    ).assertStatus(302)
    const rejected = await latestRequest(head.id)
    assert.equal(rejected.status, 'rejected')
    assert.equal(rejected.decision_comment, 'Giải trình chưa đủ căn cứ')
    assert.lengthOf(
      await auditRows({ action: 'periods.edit_request.rejected', subjectId: own.id }),
      1
    )
  })

  test('the unit head may decline with a reason; the requester may withdraw a pending request', async ({
    client,
    assert,
  }) => {
    const sapa = await unitByCode(UNITS.sapa)
    const clerk = await makeUser(UNITS.sapa, ['intake_clerk'])
    const keeper = await makeUser(UNITS.sapa, ['warehouse_keeper'])
    const head = await makeUser(UNITS.sapa, ['head'])

    ;(
      await as(
        client
          .post('/periods/requests')
          .form({ unit_id: sapa.id, month: '2024-12', explanation: EXPLANATION })
          .withCsrfToken()
          .redirects(0),
        clerk
      )
    ).assertStatus(302)
    const first = await latestRequest(clerk.id)
    ;(
      await as(
        client
          .post(`/periods/requests/${first.id}/decline`)
          .form({ comment: 'Số liệu đúng, không cần sửa' })
          .withCsrfToken()
          .redirects(0),
        head
      )
    ).assertStatus(302)
    assert.equal((await latestRequest(clerk.id)).status, 'rejected')
    assert.lengthOf(
      await auditRows({ action: 'periods.edit_request.declined', subjectId: first.id }),
      1
    )

    ;(
      await as(
        client
          .post('/periods/requests')
          .form({ unit_id: sapa.id, month: '2024-11', explanation: EXPLANATION })
          .withCsrfToken()
          .redirects(0),
        keeper
      )
    ).assertStatus(302)
    const second = await latestRequest(keeper.id)
    ;(
      await as(client.post(`/periods/requests/${second.id}/cancel`).withCsrfToken(), clerk)
    ).assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: clerk.id }), 1)
    ;(
      await as(
        client.post(`/periods/requests/${second.id}/cancel`).withCsrfToken().redirects(0),
        keeper
      )
    ).assertStatus(302)
    assert.equal((await latestRequest(keeper.id)).status, 'cancelled')
    // A decided request cannot be decided again.
    const again = await as(
      client.post(`/periods/requests/${second.id}/confirm`).form({}).withCsrfToken().accept('json'),
      head
    )
    again.assertStatus(422)
  })

  test('filing rules: open or future month, duplicates, foreign cases and short explanations are refused in Vietnamese', async ({
    client,
    assert,
  }) => {
    const hanoi = await unitByCode(UNITS.hanoi)
    const statistician = await makeUser(UNITS.hanoi, ['statistician'])
    const post = (form: Record<string, unknown>) =>
      as(
        client
          .post('/periods/requests')
          .form({ unit_id: hanoi.id, explanation: EXPLANATION, ...form })
          .withCsrfToken()
          .accept('json')
          .redirects(0),
        statistician
      )

    const open = await post({ month: '2025-03' })
    open.assertStatus(422)
    assert.include(open.text(), 'còn đang mở')
    assert.include((await post({ month: '2025-05' })).text(), 'chưa đến')
    const invalid = await post({ month: '2025-13', explanation: 'ngắn' })
    invalid.assertStatus(422)
    assert.includeMembers(
      (invalid.body().errors as { field: string }[]).map((e) => e.field),
      ['month', 'explanation']
    )
    assert.include(invalid.text(), 'giải trình')
    const foreign = await post({ month: '2025-01', case_ids: '987654, 987655' })
    assert.include(foreign.text(), '987654, 987655')

    ;(await post({ month: '2025-01' })).assertStatus(302)
    const duplicate = await post({ month: '2025-01' })
    duplicate.assertStatus(422)
    assert.include(duplicate.text(), 'đang chờ xử lý')
    assert.lengthOf(await db.from('edit_requests').where('requested_by_id', statistician.id), 1)
  })
})
