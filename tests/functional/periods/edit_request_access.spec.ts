import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { makeUser, unitByCode, as, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { makeEditRequest } from '#tests/helpers/periods'

const EXPLANATION = 'Bổ sung quyết định thu hồi nhập thiếu trong tháng, cần sửa lại số liệu.'

test.group('Past-period edit requests: roles and jurisdictions', (group) => {
  group.each.setup(() => {
    setToday('2025-03-10')
    return () => setToday(null)
  })

  test('only the SPEC §2 roles file, and only within their reach; refusals are audited', async ({
    client,
    assert,
  }) => {
    const badinh = await unitByCode(UNITS.badinh)
    const laocai = await unitByCode(UNITS.laocai)
    const form = (unitId: number) => ({
      unit_id: unitId,
      month: '2025-01',
      explanation: EXPLANATION,
    })
    for (const [code, role] of [
      [UNITS.badinh, 'admin'],
      [UNITS.national, 'inspector'],
    ] as const) {
      const user = await makeUser(code, [role])
      ;(
        await as(client.post('/periods/requests').form(form(badinh.id)).withCsrfToken(), user)
      ).assertStatus(403)
      ;(await as(client.get('/periods/requests/new'), user)).assertStatus(403)
      assert.lengthOf(await auditRows({ action: 'access.denied', actorId: user.id }), 2)
    }
    // An officer of another district, and a province statistician outside its province.
    const otherOfficer = await makeUser(UNITS.caugiay, ['officer'])
    const otherStatistician = await makeUser(UNITS.laocai, ['statistician'])
    const provinceOfficer = await makeUser(UNITS.hanoi, ['officer'])
    for (const user of [otherOfficer, otherStatistician, provinceOfficer]) {
      const refused = await as(
        client.post('/periods/requests').form(form(badinh.id)).withCsrfToken(),
        user
      )
      refused.assertStatus(403)
      const [row] = await auditRows({ action: 'access.denied', actorId: user.id })
      assert.equal(row.subject_type, 'unit')
      assert.equal(row.subject_id, String(badinh.id))
    }
    // A province statistician may file for a district below it.
    const hanoiStatistician = await makeUser(UNITS.hanoi, ['statistician'])
    ;(
      await as(
        client.post('/periods/requests').form(form(badinh.id)).withCsrfToken().redirects(0),
        hanoiStatistician
      )
    ).assertStatus(302)
    assert.lengthOf(
      await db.from('edit_requests').where('requested_by_id', hanoiStatistician.id),
      1
    )
    assert.lengthOf(await db.from('edit_requests').where('unit_id', laocai.id), 0)
  })

  test('only the head of the request unit confirms, only the national head approves', async ({
    client,
    assert,
  }) => {
    const badinh = await unitByCode(UNITS.badinh)
    const officer = await makeUser(UNITS.badinh, ['officer'])
    const id = await makeEditRequest(badinh, officer, {
      month: '2025-01',
      status: 'pending_confirmation',
    })
    const confirmAs = (user: Awaited<ReturnType<typeof makeUser>>) =>
      as(client.post(`/periods/requests/${id}/confirm`).form({}).withCsrfToken(), user)
    const approveAs = (user: Awaited<ReturnType<typeof makeUser>>) =>
      as(client.post(`/periods/requests/${id}/approve`).form({ days: 7 }).withCsrfToken(), user)

    const refusedConfirmers = [
      officer,
      await makeUser(UNITS.caugiay, ['head']), // another district
      await makeUser(UNITS.hanoi, ['head']), // the province: not the unit's leader
      await makeUser(UNITS.badinh, ['statistician']),
      await makeUser(UNITS.national, ['admin']),
    ]
    for (const user of refusedConfirmers) {
      ;(await confirmAs(user)).assertStatus(403)
      assert.lengthOf(
        await auditRows({ action: 'access.denied', actorId: user.id, subjectType: 'edit_request' }),
        1
      )
    }
    assert.equal(
      (await db.from('edit_requests').where('id', id).first()).status,
      'pending_confirmation'
    )
    ;(await confirmAs(await makeUser(UNITS.badinh, ['head']))).assertStatus(200) // followed redirect to the page

    const refusedApprovers = [
      await makeUser(UNITS.hanoi, ['head']),
      await makeUser(UNITS.badinh, ['head']),
      await makeUser(UNITS.national, ['admin']),
      await makeUser(UNITS.national, ['statistician']),
      await makeUser(UNITS.national, ['inspector']),
    ]
    for (const user of refusedApprovers) {
      ;(await approveAs(user)).assertStatus(403)
      assert.lengthOf(
        await auditRows({ action: 'access.denied', actorId: user.id, subjectType: 'edit_request' }),
        1
      )
    }
    assert.equal(
      (await db.from('edit_requests').where('id', id).first()).status,
      'pending_approval'
    )
    ;(await approveAs(await makeUser(UNITS.national, ['head']))).assertStatus(200)
    assert.equal((await db.from('edit_requests').where('id', id).first()).status, 'approved')
  })

  test('a request page is readable by its requester, heads and statisticians above it, national staff — nobody else', async ({
    client,
    assert,
  }) => {
    const badinh = await unitByCode(UNITS.badinh)
    const officer = await makeUser(UNITS.badinh, ['officer'])
    const id = await makeEditRequest(badinh, officer, {
      month: '2025-01',
      status: 'pending_confirmation',
    })
    for (const user of [
      officer,
      await makeUser(UNITS.badinh, ['head']),
      await makeUser(UNITS.hanoi, ['statistician']),
      await makeUser(UNITS.national, ['head']),
      await makeUser(UNITS.national, ['inspector']),
    ]) {
      ;(await as(client.get(`/periods/requests/${id}`), user)).assertStatus(200)
    }
    for (const user of [
      await makeUser(UNITS.badinh, ['officer']),
      await makeUser(UNITS.caugiay, ['head']),
      await makeUser(UNITS.laocai, ['statistician']),
      await makeUser(UNITS.camau, ['head']),
    ]) {
      const refused = await as(client.get(`/periods/requests/${id}`), user)
      refused.assertStatus(403)
      const [row] = await auditRows({ action: 'access.denied', actorId: user.id })
      assert.equal(row.subject_id, String(id))
    }
  })

  test('the list shows each user its scope, with filters, paging and an empty state', async ({
    client,
    assert,
  }) => {
    const [badinh, caugiay, sapa] = await Promise.all([
      unitByCode(UNITS.badinh),
      unitByCode(UNITS.caugiay),
      unitByCode(UNITS.sapa),
    ])
    const a = await makeUser(UNITS.badinh, ['officer'])
    const b = await makeUser(UNITS.caugiay, ['officer'])
    const c = await makeUser(UNITS.sapa, ['intake_clerk'])
    const ida = await makeEditRequest(badinh, a, {
      month: '2024-12',
      status: 'pending_confirmation',
      explanation: 'Yêu cầu của A',
    })
    const idb = await makeEditRequest(caugiay, b, {
      month: '2024-12',
      status: 'pending_approval',
      explanation: 'Yêu cầu của B',
    })
    const idc = await makeEditRequest(sapa, c, {
      month: '2024-11',
      status: 'pending_approval',
      explanation: 'Yêu cầu của C',
    })
    const rows = async (user: Awaited<ReturnType<typeof makeUser>>, qs = '') => {
      const response = await as(client.get(`/periods/requests${qs}`), user)
      response.assertStatus(200)
      return [ida, idb, idc].filter((id) => response.text().includes(`data-request="${id}"`))
    }
    assert.deepEqual(await rows(a), [ida])
    assert.deepEqual(await rows(await makeUser(UNITS.hanoi, ['head'])), [ida, idb])
    assert.deepEqual(await rows(await makeUser(UNITS.laocai, ['statistician'])), [idc])
    const nationalHead = await makeUser(UNITS.national, ['head'])
    assert.deepEqual(await rows(nationalHead), [ida, idb, idc])
    assert.deepEqual(await rows(nationalHead, '?status=awaiting_me'), [idb, idc])
    assert.deepEqual(await rows(nationalHead, `?unit_id=${caugiay.id}`), [idb])
    assert.deepEqual(await rows(nationalHead, '?month=2024-11'), [idc])
    const badinhHead = await makeUser(UNITS.badinh, ['head'])
    assert.deepEqual(await rows(badinhHead, '?status=awaiting_me'), [ida])

    const nobody = await makeUser(UNITS.camau, ['officer'])
    ;(await as(client.get('/periods/requests'), nobody)).assertTextIncludes(
      'Không có yêu cầu nào phù hợp.'
    )
    const adminOnly = await makeUser(UNITS.hanoi, ['admin'])
    ;(await as(client.get('/periods/requests'), adminOnly)).assertStatus(403)

    for (let i = 0; i < 21; i++)
      await makeEditRequest(sapa, c, { month: '2024-10', status: 'cancelled' })
    const first = await as(client.get('/periods/requests'), c)
    first.assertTextIncludes('Trang 1/2 — 22 bản ghi')
    ;(await as(client.get('/periods/requests?page=2'), c)).assertTextIncludes('Trang 2/2')
  })
})
