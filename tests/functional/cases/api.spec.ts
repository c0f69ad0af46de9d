import { test } from '@japa/runner'
import { User } from '#accounts'
import { Case, Judgment } from '#cases'
import { makeUser, UNITS } from '#tests/helpers/factories'
import { acceptedCase, day, pinClock, refusalAudited, staff } from './_setup.js'

async function tokenFor(user: User, abilities = ['cases:read', 'cases:write']) {
  const token = await User.accessTokens.create(user, abilities)
  return `Bearer ${token.value!.release()}`
}

test.group('Cases: REST API v1', (group) => {
  pinClock(group)

  test('clerk and head run intake through the API; the officer records events and money', async ({
    client,
    assert,
  }) => {
    const { clerk, head, officer } = await staff(UNITS.sapa)
    let res = await client
      .post('/api/v1/judgments')
      .header('authorization', await tokenFor(clerk))
      .json({
        number: 'API-1',
        judgment_date: day(0),
        court: 'TAND Sa Pa',
        type: 'civil',
        received_on: day(0),
      })
    res.assertStatus(201)
    const judgmentId = res.body().data.id
    res = await client
      .post('/api/v1/decisions')
      .header('authorization', await tokenFor(clerk))
      .json({
        kind: 'ex_officio',
        judgment_id: judgmentId,
        parties: [{ role: 'debtor', name: 'Vàng A Dính' }],
        obligations: [{ kind: 'money', description: 'Bồi thường', amount: 2_000_000 }],
        submit: true,
      })
    res.assertStatus(201)
    const caseId = res.body().data.id
    res = await client
      .post(`/api/v1/decisions/${caseId}/approve`)
      .header('authorization', await tokenFor(head))
      .json({ decision_date: day(1), officer_id: officer.id })
    res.assertStatus(200)
    assert.equal(res.body().data.status, 'in_progress')
    assert.equal(res.body().data.remaining, 2_000_000)

    const auth = await tokenFor(officer)
    res = await client
      .post(`/api/v1/cases/${caseId}/events`)
      .header('authorization', auth)
      .json({ type: 'verified', effective_date: day(2), result: 'has_conditions' })
    res.assertStatus(201)
    res = await client
      .post(`/api/v1/cases/${caseId}/money`)
      .header('authorization', auth)
      .json({
        kind: 'collected',
        amount: 500_000,
        receipt_number: 'BL-API',
        effective_date: day(3),
      })
    res.assertStatus(201)
    assert.deepEqual(res.body().data.case, { id: caseId, remaining: 1_500_000, held: 500_000 })

    res = await client.get(`/api/v1/cases/${caseId}`).header('authorization', auth)
    res.assertStatus(200)
    assert.deepEqual(
      res.body().data.events.map((e: any) => e.type),
      ['decision_approved', 'officer_assigned', 'verified']
    )
    assert.deepEqual(
      res.body().data.money.map((m: any) => m.remaining_after),
      [2_000_000, 1_500_000]
    )
    res = await client.get('/api/v1/cases?status=in_progress').header('authorization', auth)
    assert.deepEqual(
      res.body().data.map((c: any) => c.id),
      [caseId]
    )
    assert.equal(res.body().meta.total, 1)
  })

  test('refusals: no token 401, read-only token, other jurisdiction, wrong role, law and validation errors', async ({
    client,
    assert,
  }) => {
    const { c, officer, clerk } = await acceptedCase({ unit: UNITS.badinh })
    const body = { kind: 'collected', amount: 1000, receipt_number: 'X', effective_date: day(1) }

    ;(await client.get('/api/v1/cases')).assertStatus(401)

    let res = await client
      .post(`/api/v1/cases/${c.id}/money`)
      .header('authorization', await tokenFor(officer, ['cases:read']))
      .json(body)
    res.assertStatus(403)
    assert.equal(res.body().errors[0].reason, 'token_scope')

    const intruder = await makeUser(UNITS.laocai, ['officer', 'head', 'statistician'])
    res = await client
      .get(`/api/v1/cases/${c.id}`)
      .header('authorization', await tokenFor(intruder))
    res.assertStatus(403)
    assert.equal(res.body().errors[0].code, 'E_ACCESS_DENIED')
    assert.isTrue(await refusalAudited(intruder, c.id))
    res = await client
      .post(`/api/v1/cases/${c.id}/money`)
      .header('authorization', await tokenFor(intruder))
      .json(body)
    res.assertStatus(403)
    res = await client.get('/api/v1/cases').header('authorization', await tokenFor(intruder))
    assert.notInclude(
      res.body().data.map((x: any) => x.id),
      c.id
    )

    res = await client
      .post(`/api/v1/cases/${c.id}/money`)
      .header('authorization', await tokenFor(clerk))
      .json(body)
    res.assertStatus(403)
    assert.isTrue(await refusalAudited(clerk, c.id))
    res = await client
      .post(`/api/v1/decisions/${c.id}/approve`)
      .header('authorization', await tokenFor(officer))
      .json({ decision_date: day(1), officer_id: officer.id })
    res.assertStatus(403)

    res = await client
      .post(`/api/v1/cases/${c.id}/events`)
      .header('authorization', await tokenFor(officer))
      .json({ type: 'resume', effective_date: day(1) })
    res.assertStatus(422)
    assert.equal(res.body().errors[0].code, 'cases.errors.transition_refused')

    res = await client
      .post(`/api/v1/cases/${c.id}/money`)
      .header('authorization', await tokenFor(officer))
      .json({ kind: 'collected', amount: 1.5, effective_date: 'yesterday' })
    res.assertStatus(422)
    assert.sameMembers(
      res.body().errors.map((e: any) => e.field),
      ['amount', 'effective_date']
    )
    assert.equal((await Case.findOrFail(c.id)).remaining, 10_000_000)
    assert.isNull(await Judgment.query().where('number', 'never').first())
  })

  test('a user creates and revokes its own tokens; the secret is shown once', async ({
    client,
    assert,
  }) => {
    const { as } = await import('#tests/helpers/factories')
    const officer = await makeUser(UNITS.badinh, ['officer'])
    let res = await as(client.post('/account/tokens'), officer)
      .withCsrfToken()
      .form({ 'name': 'Phần mềm kế toán', 'abilities[]': ['cases:read'] })
      .redirects(0)
    res.assertStatus(302)
    const secret = res.flashMessages().apiToken as string
    assert.match(secret, /^thads_/)
    ;(await client.get('/api/v1/cases').header('authorization', `Bearer ${secret}`)).assertStatus(
      200
    )
    const [token] = await User.accessTokens.all(officer)
    res = await as(client.get('/account/tokens'), officer)
    res.assertTextIncludes('Phần mềm kế toán')
    assert.notInclude(res.text(), secret)
    // Another user cannot revoke it.
    const other = await makeUser(UNITS.badinh, ['officer'])
    await as(client.post(`/account/tokens/${token.identifier}/revoke`), other)
      .withCsrfToken()
      .redirects(0)
    ;(await client.get('/api/v1/cases').header('authorization', `Bearer ${secret}`)).assertStatus(
      200
    )
    await as(client.post(`/account/tokens/${token.identifier}/revoke`), officer)
      .withCsrfToken()
      .redirects(0)
    ;(await client.get('/api/v1/cases').header('authorization', `Bearer ${secret}`)).assertStatus(
      401
    )
  })
})
