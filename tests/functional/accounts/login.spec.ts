import { test } from '@japa/runner'
import { makeUser, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'
import { auditRows } from '#tests/helpers/audit'

test.group('login', () => {
  test('the login page carries a CSRF token and security headers', async ({ client }) => {
    const response = await client.get('/login')
    response.assertStatus(200)
    response.assertTextIncludes("name='_csrf'")
    response.assertTextIncludes('Đăng nhập')
    response.assertHeader('x-frame-options', 'DENY')
    response.assertHeader('x-content-type-options', 'nosniff')
    response.assertHeader('strict-transport-security', 'max-age=15552000')
    response.assert!.include(response.header('content-security-policy'), "default-src 'self'")
  })

  test('a POST without the CSRF token is refused before credentials are checked', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.hanoi, ['head'])
    const response = await client
      .post('/login')
      .form({ email: user.email, password: TEST_PASSWORD })
      .redirects(0)
    // Shield answers a bad token by sending the browser back with an error, not into the application.
    response.assertStatus(302)
    assert.lengthOf(await auditRows({ action: 'auth.login', actorEmail: user.email }), 0)
  })

  test('valid credentials open a session and are audited', async ({ assert }) => {
    const user = await makeUser(UNITS.badinh, ['officer'])
    const web = new WebSession()
    const login = await web.login(user.email, TEST_PASSWORD)
    assert.equal(login.status, 302)
    assert.equal(login.location, '/')
    const home = await web.get('/')
    assert.equal(home.status, 200)
    assert.include(home.text, user.fullName)
    const rows = await auditRows({ action: 'auth.login', actorEmail: user.email, outcome: 'ok' })
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].ip, '127.0.0.1')
    assert.isNotNull(rows[0].request_id)
  })

  test('a wrong password is refused with a message and audited as failed', async ({ assert }) => {
    const user = await makeUser(UNITS.badinh, ['officer'])
    const web = new WebSession()
    const login = await web.login(user.email, 'Wrong@pass1')
    assert.equal(login.location, '/login')
    const page = await web.get('/login')
    assert.include(page.text, 'Thư điện tử hoặc mật khẩu không đúng.')
    assert.lengthOf(
      await auditRows({ action: 'auth.login', actorEmail: user.email, outcome: 'failed' }),
      1
    )
    assert.equal((await web.get('/')).location, '/login')
  })

  test('an unknown e-mail is refused the same way as a wrong password', async ({ assert }) => {
    const web = new WebSession()
    await web.login('nobody-here@test.thads', 'Wrong@pass1')
    const page = await web.get('/login')
    assert.include(page.text, 'Thư điện tử hoặc mật khẩu không đúng.')
    assert.lengthOf(
      await auditRows({
        action: 'auth.login',
        actorEmail: 'nobody-here@test.thads',
        outcome: 'failed',
      }),
      1
    )
  })

  test('repeated failures on one account are throttled, even with the right password afterwards', async ({
    assert,
  }) => {
    const user = await makeUser(UNITS.laocai, ['statistician'])
    const web = new WebSession('http://127.0.0.1:' + (process.env.PORT ?? 3334), {
      'x-forwarded-for': '10.20.0.1',
    })
    for (let i = 0; i < 5; i++) await web.login(user.email, 'Wrong@pass1')
    const blocked = await web.login(user.email, TEST_PASSWORD)
    assert.equal(blocked.status, 429)
    const page = await web.get('/login')
    assert.include(page.text, 'Đăng nhập sai quá nhiều lần')
    assert.equal((await web.get('/')).location, '/login')
    const refused = await auditRows({
      action: 'auth.login',
      actorEmail: user.email,
      outcome: 'refused',
    })
    assert.equal(JSON.parse(refused[0].after).reason, 'throttled')
    // Another account from another address is not affected.
    const other = await makeUser(UNITS.laocai, ['statistician'])
    const web2 = new WebSession('http://127.0.0.1:' + (process.env.PORT ?? 3334), {
      'x-forwarded-for': '10.20.0.2',
    })
    assert.equal((await web2.login(other.email, TEST_PASSWORD)).location, '/')
  })

  test('one address spraying many accounts is throttled per IP', async ({ assert }) => {
    const headers = { 'x-forwarded-for': '10.30.0.9' }
    for (let i = 0; i < 30; i++) {
      const web = new WebSession('http://127.0.0.1:' + (process.env.PORT ?? 3334), headers)
      await web.login(`spray-${i}@test.thads`, 'Wrong@pass1')
    }
    const user = await makeUser(UNITS.camau, ['head'])
    const blocked = await new WebSession(
      'http://127.0.0.1:' + (process.env.PORT ?? 3334),
      headers
    ).login(user.email, TEST_PASSWORD)
    assert.equal(blocked.status, 429)
    const elsewhere = await new WebSession('http://127.0.0.1:' + (process.env.PORT ?? 3334), {
      'x-forwarded-for': '10.30.0.10',
    }).login(user.email, TEST_PASSWORD)
    assert.equal(elsewhere.location, '/')
  }).timeout(60000)

  test('a revoked account cannot sign in', async ({ assert }) => {
    const user = await makeUser(UNITS.hanoi, ['officer'], { status: 'revoked' })
    const web = new WebSession()
    const login = await web.login(user.email, TEST_PASSWORD)
    assert.equal(login.location, '/login')
    assert.include((await web.get('/login')).text, 'Tài khoản đã bị thu hồi')
    assert.lengthOf(
      await auditRows({ action: 'auth.login', actorEmail: user.email, outcome: 'refused' }),
      1
    )
  })

  test('logout ends the session and is audited', async ({ assert }) => {
    const user = await makeUser(UNITS.hanoi, ['head'])
    const web = new WebSession()
    await web.login(user.email, TEST_PASSWORD)
    assert.equal((await web.get('/')).status, 200)
    const out = await web.post('/logout', {})
    assert.equal(out.location, '/login')
    assert.equal((await web.get('/')).location, '/login')
    assert.lengthOf(await auditRows({ action: 'auth.logout', actorEmail: user.email }), 1)
  })

  test('pages require a session', async ({ client }) => {
    for (const path of ['/', '/users', '/units', '/audit', '/account/password']) {
      const response = await client.get(path).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/login')
    }
  })

  test('the language switch renders pages in English', async ({ assert }) => {
    const web = new WebSession()
    await web.get('/login')
    await web.post('/locale', { locale: 'en' })
    const page = await web.get('/login')
    assert.include(page.text, 'Sign in')
    assert.include(page.text, 'lang="en"')
  })
})
