import { test } from '@japa/runner'

test.group('GET /health', () => {
  test('database, drive and mail transport are checked without signing in', async ({
    client,
    assert,
  }) => {
    const res = await client.get('/health')
    res.assertStatus(200)
    const body = res.body()
    assert.equal(body.status, 'ok')
    assert.isTrue(body.checks.database.ok)
    assert.isTrue(body.checks.drive.ok)
    assert.isTrue(body.checks.mail.ok)
    assert.equal(res.header('cache-control'), 'no-store')
  })
})
