import { test } from '@japa/runner'
import { makeUser, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'
import { auditRows } from '#tests/helpers/audit'
import { User } from '#accounts'

test.group('password change', () => {
  test('a new account is held on the password page until it changes its password', async ({
    assert,
  }) => {
    const user = await makeUser(UNITS.sapa, ['officer'], { mustChangePassword: true })
    const web = new WebSession()
    const login = await web.login(user.email, TEST_PASSWORD)
    assert.equal(login.location, '/account/password')
    for (const path of ['/', '/units', '/users']) {
      assert.equal((await web.get(path)).location, '/account/password', path)
    }
    const page = await web.get('/account/password')
    assert.include(page.text, 'Bạn phải đổi mật khẩu')

    const changed = await web.post('/account/password?_method=PUT', {
      current_password: TEST_PASSWORD,
      password: 'Moi@Matkhau1',
      password_confirmation: 'Moi@Matkhau1',
    })
    assert.equal(changed.location, '/')
    assert.equal((await web.get('/')).status, 200)
    await user.refresh()
    assert.isFalse(Boolean(user.mustChangePassword))
    assert.lengthOf(
      await auditRows({ action: 'user.password_changed', actorId: user.id, outcome: 'ok' }),
      1
    )
    // The new password works, the old one no longer does.
    assert.equal((await new WebSession().login(user.email, 'Moi@Matkhau1')).location, '/')
  })

  test('each rule of the password policy is enforced with its own message', async ({ assert }) => {
    const user = await makeUser(UNITS.sapa, ['officer'])
    const web = new WebSession()
    await web.login(user.email, TEST_PASSWORD)
    await web.get('/account/password')
    const cases: [string, string][] = [
      ['Ab@1', 'ít nhất 8 ký tự'],
      ['abcdefg@1', 'chữ hoa'],
      ['ABCDEFG@1', 'chữ thường'],
      ['Abcdefgh1', 'ký tự đặc biệt'],
    ]
    for (const [password, message] of cases) {
      const response = await web.post('/account/password?_method=PUT', {
        current_password: TEST_PASSWORD,
        password,
        password_confirmation: password,
      })
      assert.equal(response.location, '/account/password', password)
      assert.include((await web.get('/account/password')).text, message, password)
    }
    const mismatch = await web.post('/account/password?_method=PUT', {
      current_password: TEST_PASSWORD,
      password: 'Good@Pass1',
      password_confirmation: 'Good@Pass2',
    })
    assert.equal(mismatch.location, '/account/password')
    assert.include((await web.get('/account/password')).text, 'không khớp')
    await user.refresh()
    assert.isTrue(await User.verifyCredentials(user.email, TEST_PASSWORD).then(() => true))
  })

  test('a wrong current password or reusing the same one is refused', async ({ assert }) => {
    const user = await makeUser(UNITS.sapa, ['officer'])
    const web = new WebSession()
    await web.login(user.email, TEST_PASSWORD)
    await web.post('/account/password?_method=PUT', {
      current_password: 'Nope@Nope1',
      password: 'Good@Pass1',
      password_confirmation: 'Good@Pass1',
    })
    assert.include((await web.get('/account/password')).text, 'Mật khẩu hiện tại không đúng.')
    assert.lengthOf(
      await auditRows({ action: 'user.password_changed', actorId: user.id, outcome: 'failed' }),
      1
    )
    await web.post('/account/password?_method=PUT', {
      current_password: TEST_PASSWORD,
      password: TEST_PASSWORD,
      password_confirmation: TEST_PASSWORD,
    })
    assert.include((await web.get('/account/password')).text, 'phải khác mật khẩu hiện tại')
  })

  test('changing the password ends the other sessions of the account', async ({ assert }) => {
    const user = await makeUser(UNITS.sapa, ['officer'])
    const first = new WebSession()
    const second = new WebSession()
    await first.login(user.email, TEST_PASSWORD)
    await second.login(user.email, TEST_PASSWORD)
    await first.post('/account/password?_method=PUT', {
      current_password: TEST_PASSWORD,
      password: 'Khac@Pass9',
      password_confirmation: 'Khac@Pass9',
    })
    assert.equal((await first.get('/')).status, 200)
    assert.equal((await second.get('/')).location, '/login')
  })
})
