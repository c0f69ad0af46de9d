import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeUser, UNITS, TEST_PASSWORD, as } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'
import { auditRows } from '#tests/helpers/audit'

/** Server-side sessions (issue 9 item 1): these run through the real login form against the database store. */
async function sessionRows(userId: number) {
  return db.from('sessions').where('user_id', String(userId))
}

test.group('server-side sessions', () => {
  test('the session lives in the database, tagged with the account', async ({ assert }) => {
    const user = await makeUser(UNITS.badinh, ['officer'])
    const web = new WebSession('http://127.0.0.1:' + (process.env.PORT ?? 3334), {
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0',
    })
    assert.equal((await web.login(user.email, TEST_PASSWORD)).location, '/')
    const rows = await sessionRows(user.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].ip, '127.0.0.1')
    assert.include(rows[0].user_agent, 'Chrome')
    // The cookie carries only a signed id, never the session data.
    assert.notInclude(decodeURIComponent(web.cookie('thads-session') ?? ''), 'auth_web')
  })

  test('a saved session cookie replayed after logout is refused', async ({ assert }) => {
    const user = await makeUser(UNITS.badinh, ['officer'])
    const web = new WebSession()
    await web.login(user.email, TEST_PASSWORD)
    assert.equal((await web.get('/')).status, 200)
    const saved = web.snapshot()
    const logout = await web.post('/logout', {})
    assert.equal(logout.location, '/login')
    assert.lengthOf(await sessionRows(user.id), 0)
    const replay = await saved.get('/')
    assert.equal(replay.status, 302)
    assert.equal(replay.location, '/login')
    assert.equal((await saved.get('/cases')).location, '/login')
  })

  test('a saved session cookie replayed after an admin reset is refused', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.badinh, ['admin'])
    const user = await makeUser(UNITS.badinh, ['officer'])
    const web = new WebSession()
    await web.login(user.email, TEST_PASSWORD)
    const second = new WebSession()
    await second.login(user.email, TEST_PASSWORD)
    assert.lengthOf(await sessionRows(user.id), 2)
    const saved = web.snapshot()
    const reset = await as(
      client.post(`/users/${user.id}/reset-password`).withCsrfToken().redirects(0),
      admin
    )
    assert.oneOf(reset.status(), [200, 302])
    assert.lengthOf(await sessionRows(user.id), 0)
    assert.equal((await saved.get('/')).location, '/login')
    assert.equal((await second.get('/')).location, '/login')
  })

  test('a saved session cookie replayed after revocation is refused', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.badinh, ['admin'])
    const user = await makeUser(UNITS.badinh, ['officer'])
    const web = new WebSession()
    await web.login(user.email, TEST_PASSWORD)
    const saved = web.snapshot()
    await as(client.post(`/users/${user.id}/revoke`).withCsrfToken().redirects(0), admin)
    assert.lengthOf(await sessionRows(user.id), 0)
    assert.equal((await saved.get('/')).location, '/login')
  })

  test('the forced password change ends every other session, keeping the one that changed it', async ({
    assert,
  }) => {
    const user = await makeUser(UNITS.sapa, ['officer'], { mustChangePassword: true })
    const other = new WebSession()
    await other.login(user.email, TEST_PASSWORD)
    const web = new WebSession()
    await web.login(user.email, TEST_PASSWORD)
    await web.get('/account/password')
    const changed = await web.post('/account/password?_method=PUT', {
      current_password: TEST_PASSWORD,
      password: 'Moi@Matkhau1',
      password_confirmation: 'Moi@Matkhau1',
    })
    assert.equal(changed.location, '/')
    assert.lengthOf(await sessionRows(user.id), 1)
    assert.equal((await web.get('/')).status, 200)
    assert.equal((await other.get('/')).location, '/login')
  })

  test('"my sessions" lists each session and signs out the others', async ({ assert }) => {
    const user = await makeUser(UNITS.badinh, ['officer'])
    const phone = new WebSession(undefined, {
      'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/120.0 Mobile',
    })
    await phone.login(user.email, TEST_PASSWORD)
    const web = new WebSession(undefined, {
      'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Firefox/130.0',
    })
    await web.login(user.email, TEST_PASSWORD)
    const page = await web.get('/account/sessions')
    assert.equal(page.status, 200)
    assert.include(page.text, 'Phiên đăng nhập của tôi')
    assert.include(page.text, 'Chrome · Android')
    assert.include(page.text, 'Firefox · Windows')
    assert.include(page.text, '127.0.0.1')
    const ended = await web.post('/account/sessions/end-others', {})
    assert.equal(ended.location, '/account/sessions')
    assert.include((await web.get('/account/sessions')).text, 'Đã đăng xuất 1 phiên khác.')
    assert.equal((await phone.get('/')).location, '/login')
    assert.equal((await web.get('/')).status, 200)
    const rows = await auditRows({ action: 'auth.sessions_ended', actorId: user.id })
    assert.lengthOf(rows, 1)
  })
})
