import { test } from '@japa/runner'
import { makeUser, unitByCode, as, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { User } from '#accounts'

/** Every refused attempt must leave an access.denied audit row for the actor. */
async function assertRefusedAndAudited(assert: any, actor: User, before: number) {
  const rows = await auditRows({ action: 'access.denied', actorId: actor.id })
  assert.isAbove(rows.length, before)
  return rows.length
}

test.group('account administration is confined to the admin subtree', () => {
  test('a province admin lists only accounts of its province', async ({ client }) => {
    const hanoiAdmin = await makeUser(UNITS.hanoi, ['admin'])
    const badinh = await makeUser(UNITS.badinh, ['officer'])
    const laocai = await makeUser(UNITS.laocai, ['officer'])
    // Search each e-mail (other tests add many users, so a plain listing may page them apart).
    const own = await as(client.get(`/users?q=${badinh.email}`), hanoiAdmin)
    own.assertStatus(200)
    own.assertTextIncludes(`<td>${badinh.email}</td>`)
    const other = await as(client.get(`/users?q=${laocai.email}`), hanoiAdmin)
    other.assertStatus(200)
    // The search box echoes the query; the table must not list the account.
    other.assert!.notInclude(other.text(), `<td>${laocai.email}</td>`)
    other.assertTextIncludes('Không có tài khoản nào phù hợp.')

    const filtered = await as(client.get(`/users?unit_id=${laocai.unitId}`), hanoiAdmin)
    filtered.assert!.notInclude(filtered.text(), laocai.email)
  })

  test('a province admin cannot view, edit, update, reset, revoke or create accounts of another province', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.hanoi, ['admin'])
    const target = await makeUser(UNITS.laocai, ['officer'])
    const laocai = await unitByCode(UNITS.laocai)
    let seen = 0
    const attempts = [
      () => as(client.get(`/users/${target.id}`), admin),
      () => as(client.get(`/users/${target.id}/edit`), admin),
      () =>
        as(
          client
            .put(`/users/${target.id}`)
            .form({ 'full_name': 'Hacked', 'unit_id': laocai.id, 'roles[]': 'officer' })
            .withCsrfToken(),
          admin
        ),
      () => as(client.post(`/users/${target.id}/reset-password`).withCsrfToken(), admin),
      () => as(client.post(`/users/${target.id}/revoke`).withCsrfToken(), admin),
      () =>
        as(
          client
            .post('/users')
            .form({
              'email': 'new-laocai@test.thads',
              'full_name': 'Người mới',
              'unit_id': laocai.id,
              'roles[]': 'officer',
            })
            .withCsrfToken(),
          admin
        ),
    ]
    for (const attempt of attempts) {
      const response = await attempt()
      response.assertStatus(403)
      seen = await assertRefusedAndAudited(assert, admin, seen)
    }
    await target.refresh()
    assert.equal(target.status, 'active')
    assert.notEqual(target.fullName, 'Hacked')
    assert.isNull(await User.findBy('email', 'new-laocai@test.thads'))
  })

  test('refusals answer JSON to API-style callers', async ({ client }) => {
    const admin = await makeUser(UNITS.hanoi, ['admin'])
    const target = await makeUser(UNITS.laocai, ['officer'])
    const response = await as(client.get(`/users/${target.id}`).accept('json'), admin)
    response.assertStatus(403)
    response.assertBodyContains({
      errors: [{ code: 'E_ACCESS_DENIED', reason: 'outside_jurisdiction' }],
    })
  })

  test('a district admin cannot place accounts at the province or grant national roles', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.badinh, ['admin'])
    const hanoi = await unitByCode(UNITS.hanoi)
    const badinh = await unitByCode(UNITS.badinh)
    const atProvince = await as(
      client
        .post('/users')
        .form({
          'email': 'prov-head@test.thads',
          'full_name': 'Trưởng tỉnh',
          'unit_id': hanoi.id,
          'roles[]': 'head',
        })
        .withCsrfToken(),
      admin
    )
    atProvince.assertStatus(403)
    const inspector = await as(
      client
        .post('/users')
        .form({
          'email': 'insp-x@test.thads',
          'full_name': 'Thanh tra',
          'unit_id': badinh.id,
          'roles[]': 'inspector',
        })
        .withCsrfToken(),
      admin
    )
    inspector.assertStatus(403)
    assert.isNull(await User.findBy('email', 'prov-head@test.thads'))
    assert.isNull(await User.findBy('email', 'insp-x@test.thads'))
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: admin.id }), 2)
  })

  test('a province admin cannot create a national inspector; the national admin can', async ({
    client,
    assert,
  }) => {
    const provinceAdmin = await makeUser(UNITS.hanoi, ['admin'])
    const nationalAdmin = await makeUser(UNITS.national, ['admin'])
    const national = await unitByCode(UNITS.national)
    const form = {
      'email': 'national-inspector@test.thads',
      'full_name': 'Thẩm tra viên',
      'unit_id': national.id,
      'roles[]': 'inspector',
    }
    ;(await as(client.post('/users').form(form).withCsrfToken(), provinceAdmin)).assertStatus(403)
    const created = await as(
      client.post('/users').form(form).withCsrfToken().redirects(0),
      nationalAdmin
    )
    created.assertStatus(302)
    const user = await User.findByOrFail('email', 'national-inspector@test.thads')
    await user.load('roles')
    assert.deepEqual(user.roleNames, ['inspector'])
    assert.isTrue(Boolean(user.mustChangePassword))
    assert.lengthOf(
      await auditRows({ action: 'user.created', subjectType: 'user', subjectId: user.id }),
      1
    )
  })

  test('a province admin creates an account in a district below, with a one-time password', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.laocai, ['admin'])
    const sapa = await unitByCode(UNITS.sapa)
    const response = await as(
      client
        .post('/users')
        .form({
          'email': 'Clerk.SaPa@Test.Thads',
          'full_name': 'Lò Văn Sử',
          'unit_id': sapa.id,
          'roles[]': ['intake_clerk', 'officer'],
        })
        .withCsrfToken()
        .redirects(0),
      admin
    )
    response.assertStatus(302)
    const user = await User.findByOrFail('email', 'clerk.sapa@test.thads')
    await user.load('roles')
    assert.sameMembers(user.roleNames, ['intake_clerk', 'officer'])
    assert.equal(user.unitId, sapa.id)
    assert.equal(user.createdById, admin.id)
  })

  test('creating an account validates input and stores nothing on error', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.hanoi, ['admin'])
    const response = await as(
      client
        .post('/users')
        .form({ 'email': 'not-an-email', 'full_name': 'A', 'roles[]': 'wizard' })
        .withCsrfToken()
        .accept('json'),
      admin
    )
    response.assertStatus(422)
    const fields = (response.body().errors as { field: string }[]).map((e) => e.field)
    assert.includeMembers(fields, ['email', 'full_name', 'unit_id'])
    const duplicate = await makeUser(UNITS.hanoi, ['officer'])
    const hanoi = await unitByCode(UNITS.hanoi)
    const dup = await as(
      client
        .post('/users')
        .form({
          'email': duplicate.email,
          'full_name': 'Trùng',
          'unit_id': hanoi.id,
          'roles[]': 'officer',
        })
        .withCsrfToken()
        .accept('json'),
      admin
    )
    dup.assertStatus(422)
    dup.assertBodyContains({ errors: [{ code: 'users.errors.email_taken' }] })
  })

  test('roles other than admin cannot reach account administration', async ({ client }) => {
    for (const role of [
      'head',
      'officer',
      'intake_clerk',
      'statistician',
      'warehouse_keeper',
      'inspector',
    ] as const) {
      const user = await makeUser(UNITS.hanoi, [role])
      ;(await as(client.get('/users'), user)).assertStatus(403)
      ;(await as(client.get('/users/new'), user)).assertStatus(403)
    }
  })

  test('revoking an account ends its open sessions; reinstating forces a new password', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.camau, ['admin'])
    const officer = await makeUser(UNITS.camau, ['officer'])
    const { WebSession } = await import('#tests/helpers/web_session')
    const { TEST_PASSWORD } = await import('#tests/helpers/factories')
    const web = new WebSession()
    await web.login(officer.email, TEST_PASSWORD)
    assert.equal((await web.get('/')).status, 200)
    ;(
      await as(client.post(`/users/${officer.id}/revoke`).withCsrfToken().redirects(0), admin)
    ).assertStatus(302)
    assert.equal((await web.get('/')).location, '/login')
    assert.equal((await new WebSession().login(officer.email, TEST_PASSWORD)).location, '/login')
    assert.lengthOf(await auditRows({ action: 'user.revoked', subjectId: officer.id }), 1)
    ;(
      await as(client.post(`/users/${officer.id}/reinstate`).withCsrfToken().redirects(0), admin)
    ).assertStatus(302)
    await officer.refresh()
    assert.equal(officer.status, 'active')
    assert.isTrue(Boolean(officer.mustChangePassword))
  })

  test('an admin reset ends sessions and forces a change at next login', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.camau, ['admin'])
    const officer = await makeUser(UNITS.camau, ['officer'])
    const { WebSession } = await import('#tests/helpers/web_session')
    const { TEST_PASSWORD } = await import('#tests/helpers/factories')
    const web = new WebSession()
    await web.login(officer.email, TEST_PASSWORD)
    const reset = await as(
      client.post(`/users/${officer.id}/reset-password`).withCsrfToken().redirects(0),
      admin
    )
    reset.assertStatus(302)
    const temporary = reset.flashMessages().temporaryPassword as string
    assert.match(temporary, /^.{12}$/)
    assert.equal((await web.get('/')).location, '/login')
    const again = new WebSession()
    assert.equal((await again.login(officer.email, temporary)).location, '/account/password')
    // The temporary password is never written to the audit trail.
    const rows = await auditRows({ action: 'user.password_reset', subjectId: officer.id })
    assert.lengthOf(rows, 1)
    assert.notInclude(JSON.stringify(rows[0]), temporary)
  })

  test('an admin cannot revoke itself', async ({ client, assert }) => {
    const admin = await makeUser(UNITS.camau, ['admin'])
    const response = await as(
      client.post(`/users/${admin.id}/revoke`).withCsrfToken().accept('json'),
      admin
    )
    response.assertStatus(422)
    await admin.refresh()
    assert.equal(admin.status, 'active')
  })
})
