import { test } from '@japa/runner'
import { makeUser, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'
import env from '#start/env'

const BASE = `http://${env.get('HOST', '127.0.0.1')}:${env.get('PORT', 3334)}`
const SECURITY_HEADERS = [
  'content-security-policy',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
]

test.group('security headers and error output', () => {
  test('a 404 of an unknown path carries every security header', async ({ client, assert }) => {
    const response = await client.get('/no/such/page')
    response.assertStatus(404)
    for (const header of SECURITY_HEADERS) assert.isDefined(response.header(header), header)
    assert.include(response.header('content-security-policy'), "default-src 'self'")
    assert.equal(response.header('x-frame-options'), 'DENY')
    assert.equal(response.header('referrer-policy'), 'strict-origin-when-cross-origin')
    assert.include(response.header('permissions-policy'), 'camera=()')
  })

  test('routed pages, static files and the API carry them too', async ({ client, assert }) => {
    for (const path of ['/login', '/css/app.css', '/api/v1/cases']) {
      const response = await client.get(path)
      for (const header of SECURITY_HEADERS)
        assert.isDefined(response.header(header), path + header)
    }
  })

  test('a malformed JSON body shows no stack, no header and no cookie', async ({ assert }) => {
    const user = await makeUser(UNITS.badinh, ['officer'])
    const web = new WebSession()
    await web.login(user.email, TEST_PASSWORD)
    const cookie = web.cookie('thads-session')!
    for (const accept of ['text/html', 'application/json']) {
      const response = await fetch(`${BASE}/api/v1/cases`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept': accept,
          'cookie': `thads-session=${cookie}`,
          'authorization': 'Bearer thads_secret-value-123',
          'x-probe': 'probe-header-value',
        },
        body: '{"amount": <script>',
      })
      const text = await response.text()
      assert.isAtLeast(response.status, 400)
      assert.notInclude(text, cookie.slice(0, 20))
      assert.notInclude(text, 'secret-value-123')
      assert.notInclude(text, 'probe-header-value')
      assert.notInclude(text, '<script>')
      assert.notInclude(text, 'node_modules')
      assert.notMatch(text, /at .*\.(ts|js):\d+/)
      assert.isDefined(response.headers.get('referrer-policy') ?? undefined)
    }
  })
})
