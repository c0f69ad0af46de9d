import { test } from '@japa/runner'
import { makeUser, unitByCode, as, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { Unit, UnitName } from '#accounts'

test.group('unit pages', () => {
  test('every signed-in user browses and searches the tree', async ({ client }) => {
    const officer = await makeUser(UNITS.sapa, ['officer'])
    const all = await as(client.get('/units'), officer)
    all.assertStatus(200)
    all.assertTextIncludes('Cục THADS tỉnh Lào Cai')
    all.assertTextIncludes('Chi cục THADS Sa Pa')
    const search = await as(client.get('/units?q=C%C3%A0%20Mau&level=province'), officer)
    search.assertTextIncludes('Cục THADS tỉnh Cà Mau')
    search.assert!.notInclude(search.text(), 'Cục THADS tỉnh Lào Cai')
    const empty = await as(client.get('/units?q=khongtontai'), officer)
    empty.assertTextIncludes('Không có đơn vị nào phù hợp.')
    const sapa = await unitByCode(UNITS.sapa)
    ;(await as(client.get(`/units/${sapa.id}`), officer)).assertTextIncludes('Lịch sử tên gọi')
  })

  test('the national admin creates, renames and closes a unit with effective dates', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.national, ['admin'])
    const laocai = await unitByCode(UNITS.laocai)
    const created = await as(
      client
        .post('/units')
        .form({
          code: 'http-new',
          name: 'Chi cục THADS Mới',
          level: 'district',
          parent_id: laocai.id,
          valid_from: '2024-01-01',
        })
        .withCsrfToken()
        .redirects(0),
      admin
    )
    created.assertStatus(302)
    const unit = await Unit.findByOrFail('code', 'HTTP-NEW')
    assert.equal(unit.path, `${laocai.path}${unit.id}/`)
    ;(
      await as(
        client
          .post(`/units/${unit.id}/rename`)
          .form({ name: 'Phòng THADS khu vực Mới', effective_date: '2025-07-01' })
          .withCsrfToken()
          .redirects(0),
        admin
      )
    ).assertStatus(302)
    ;(
      await as(
        client
          .post(`/units/${unit.id}/close`)
          .form({ valid_to: '2025-12-31' })
          .withCsrfToken()
          .redirects(0),
        admin
      )
    ).assertStatus(302)
    const names = await UnitName.query().where('unit_id', unit.id).orderBy('valid_from')
    assert.deepEqual(
      names.map((n) => [n.name, n.validFrom.toISODate(), n.validTo?.toISODate() ?? null]),
      [
        ['Chi cục THADS Mới', '2024-01-01', '2025-06-30'],
        ['Phòng THADS khu vực Mới', '2025-07-01', '2025-12-31'],
      ]
    )
    await unit.refresh()
    assert.equal(unit.validTo?.toISODate(), '2025-12-31')
    assert.lengthOf(await auditRows({ subjectType: 'unit', subjectId: unit.id }), 3)
  })

  test('province admins and other roles cannot change the tree; attempts are audited', async ({
    client,
    assert,
  }) => {
    const laocai = await unitByCode(UNITS.laocai)
    for (const [code, role] of [
      [UNITS.laocai, 'admin'],
      [UNITS.national, 'head'],
      [UNITS.national, 'inspector'],
    ] as const) {
      const user = await makeUser(code, [role])
      ;(
        await as(
          client
            .post('/units')
            .form({
              code: `x-${role}`,
              name: 'Không được',
              level: 'district',
              parent_id: laocai.id,
              valid_from: '2024-01-01',
            })
            .withCsrfToken(),
          user
        )
      ).assertStatus(403)
      ;(
        await as(
          client
            .post(`/units/${laocai.id}/rename`)
            .form({ name: 'Đổi trái phép', effective_date: '2025-01-01' })
            .withCsrfToken(),
          user
        )
      ).assertStatus(403)
      ;(
        await as(
          client.post(`/units/${laocai.id}/close`).form({ valid_to: '2025-01-01' }).withCsrfToken(),
          user
        )
      ).assertStatus(403)
      assert.lengthOf(await auditRows({ action: 'access.denied', actorId: user.id }), 3)
    }
    await laocai.refresh()
    assert.equal(laocai.name, 'Cục THADS tỉnh Lào Cai')
  })

  test('bad input is answered with messages and nothing is stored', async ({ client, assert }) => {
    const admin = await makeUser(UNITS.national, ['admin'])
    const response = await as(
      client
        .post('/units')
        .form({ code: 'bad code!', name: '', level: 'galaxy', valid_from: '31/12/2024' })
        .withCsrfToken()
        .accept('json'),
      admin
    )
    response.assertStatus(422)
    const fields = (response.body().errors as { field: string }[]).map((e) => e.field)
    assert.includeMembers(fields, ['code', 'name', 'level', 'parent_id', 'valid_from'])
  })
})

test.group('dashboards', () => {
  test('each role lands on its dashboard with its own cards and navigation', async ({ client }) => {
    const admin = await makeUser(UNITS.hanoi, ['admin'])
    const adminHome = await as(client.get('/'), admin)
    adminHome.assertTextIncludes('data-widget="accounts.admin"')
    adminHome.assertTextIncludes('data-nav="users.index"')
    adminHome.assertTextIncludes('data-nav="audit.index"')
    const officer = await makeUser(UNITS.badinh, ['officer'])
    const officerHome = await as(client.get('/'), officer)
    officerHome.assertTextIncludes('data-widget="accounts.me"')
    officerHome.assert!.notInclude(officerHome.text(), 'data-widget="accounts.admin"')
    officerHome.assert!.notInclude(officerHome.text(), 'data-nav="users.index"')
  })
})
