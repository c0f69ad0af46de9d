import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { makeUser, UNITS, as } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'

async function tokenFor(user: User, abilities = ['cases:read']) {
  return (await User.accessTokens.create(user, abilities)).value!.release()
}

test.group('API tokens: reset, forced change, least privilege', () => {
  test('an admin reset deletes the account tokens: the old token is refused', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.badinh, ['admin'])
    const officer = await makeUser(UNITS.badinh, ['officer'])
    const token = await tokenFor(officer)
    ;(await client.get('/api/v1/cases').bearerToken(token)).assertStatus(200)
    await as(client.post(`/users/${officer.id}/reset-password`).withCsrfToken().redirects(0), admin)
    const [{ n }] = await db
      .from('auth_access_tokens')
      .where('tokenable_id', officer.id)
      .count('* as n')
    assert.equal(Number(n), 0)
    ;(await client.get('/api/v1/cases').bearerToken(token)).assertStatus(401)
  })

  test('a token of an account that must change its password gets 401 with the reason', async ({
    client,
    assert,
  }) => {
    const officer = await makeUser(UNITS.badinh, ['officer'], { mustChangePassword: true })
    const token = await tokenFor(officer)
    const response = await client.get('/api/v1/cases').bearerToken(token)
    response.assertStatus(401)
    assert.equal(response.body().errors[0].reason, 'password_change_required')
    assert.lengthOf(await auditRows({ action: 'api.refused', actorId: officer.id }), 1)
  })

  test('the token form defaults to read-only and does not offer what the roles cannot use', async ({
    client,
    assert,
  }) => {
    const officer = await makeUser(UNITS.badinh, ['officer'])
    const page = await as(client.get('/account/tokens'), officer)
    page.assertStatus(200)
    assert.match(page.text(), /value="cases:read"\s+checked/)
    assert.notMatch(page.text(), /value="cases:write"\s+checked/)
    const inspector = await makeUser(UNITS.hanoi, ['inspector'])
    const inspectorPage = await as(client.get('/account/tokens'), inspector)
    assert.match(inspectorPage.text(), /value="cases:write"\s+\s*disabled/)
  })

  test('an ability beyond the owner roles is refused with 403 and audited', async ({
    client,
    assert,
  }) => {
    const inspector = await makeUser(UNITS.hanoi, ['inspector'])
    const response = await as(
      client
        .post('/account/tokens')
        .form({ name: 'wide', abilities: ['cases:read', 'cases:write'] })
        .withCsrfToken()
        .redirects(0),
      inspector
    )
    response.assertStatus(403)
    const [{ n }] = await db
      .from('auth_access_tokens')
      .where('tokenable_id', inspector.id)
      .count('* as n')
    assert.equal(Number(n), 0)
    const rows = await auditRows({ action: 'access.denied', actorId: inspector.id })
    assert.equal(JSON.parse(rows[0].after).reason, 'token_ability_beyond_roles')
    // Within its roles it works.
    const ok = await as(
      client
        .post('/account/tokens')
        .form({ name: 'read', abilities: ['cases:read'] })
        .withCsrfToken()
        .redirects(0),
      inspector
    )
    ok.assertStatus(302)
  })

  test('revoking someone else token is 403 with an audit row, and the token survives', async ({
    client,
    assert,
  }) => {
    const owner = await makeUser(UNITS.badinh, ['officer'])
    const other = await makeUser(UNITS.caugiay, ['officer'])
    await tokenFor(owner)
    const row = await db.from('auth_access_tokens').where('tokenable_id', owner.id).first()
    const response = await as(
      client.post(`/account/tokens/${row.id}/revoke`).withCsrfToken().redirects(0),
      other
    )
    response.assertStatus(403)
    assert.isNotNull(await db.from('auth_access_tokens').where('id', row.id).first())
    const rows = await auditRows({ action: 'access.denied', actorId: other.id })
    assert.equal(rows[0].subject_type, 'api_token')
  })
})
