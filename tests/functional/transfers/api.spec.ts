import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { Case } from '#cases'
import { makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import { day, openCase, pinClock, refusalAudited, unitStaff } from './_setup.js'

async function bearer(user: User, abilities = ['cases:read', 'cases:write']) {
  const token = await User.accessTokens.create(user, abilities)
  return `Bearer ${token.value!.release()}`
}

test.group('Transfers: REST API v1', (group) => {
  pinClock(group)

  test('handover through the API: propose, 403 for the receiver, confirm by the head, read with held money', async ({
    client,
    assert,
  }) => {
    const s = await unitStaff(UNITS.badinh)
    const c = await openCase(s, { collected: 2_500_000 })
    const created = await client
      .post('/api/v1/handovers')
      .header('authorization', await bearer(s.officer))
      .json({
        from_officer_id: s.officer.id,
        to_officer_id: s.officer2.id,
        all: true,
        effective_date: day(3),
        reason_kind: 'leaving',
      })
    created.assertStatus(201)
    const id = created.body().data.id
    assert.deepEqual(
      [created.body().data.status, created.body().data.held_total],
      ['proposed', 2_500_000]
    )
    const refused = await client
      .post(`/api/v1/handovers/${id}/confirm`)
      .header('authorization', await bearer(s.officer2))
      .json({})
    refused.assertStatus(403)
    assert.equal(refused.body().errors[0].code, 'E_ACCESS_DENIED')
    assert.isTrue(await refusalAudited(s.officer2, id))
    const ok = await client
      .post(`/api/v1/handovers/${id}/confirm`)
      .header('authorization', await bearer(s.head))
      .json({})
    ok.assertStatus(200)
    assert.equal(ok.body().data.status, 'confirmed')
    const read = await client
      .get(`/api/v1/handovers/${id}`)
      .header('authorization', await bearer(s.officer2, ['cases:read']))
    read.assertStatus(200)
    assert.deepEqual(read.body().data.cases, [
      {
        case_id: c.id,
        number: c.number,
        held: 2_500_000,
        remaining: 7_500_000,
        event_id: read.body().data.cases[0].event_id,
      },
    ])
    // A read-only token cannot write; validation answers 422.
    const scoped = await client
      .post('/api/v1/handovers')
      .header('authorization', await bearer(s.head, ['cases:read']))
      .json({})
    scoped.assertStatus(403)
    const invalid = await client
      .post('/api/v1/handovers')
      .header('authorization', await bearer(s.head))
      .json({ reason_kind: 'nope' })
    invalid.assertStatus(422)
    assert.equal(invalid.body().errors[0].code, 'E_VALIDATION_ERROR')
  })

  test('delegation through the API at both ends, then withdrawal and revocation', async ({
    client,
    assert,
  }) => {
    const s = await unitStaff(UNITS.badinh)
    const c = await openCase(s, { amount: 9_000_000 })
    const laocai = await unitByCode(UNITS.laocai)
    const laocaiHead = await makeUser(UNITS.laocai, ['head'])
    const proposed = await client
      .post(`/api/v1/cases/${c.id}/delegations`)
      .header('authorization', await bearer(s.officer))
      .json({ to_unit_id: laocai.id, scope: 'partial', amount: 3_000_000 })
    proposed.assertStatus(201)
    const id = proposed.body().data.id
    ;(
      await client
        .post(`/api/v1/delegations/${id}/confirm`)
        .header('authorization', await bearer(s.head))
        .json({ effective_date: day(3), decision_number: '5/QĐ-UT' })
    ).assertStatus(200)
    const early = await client
      .post(`/api/v1/delegations/${id}/accept`)
      .header('authorization', await bearer(s.head))
      .json({ received_on: day(4) })
    early.assertStatus(403)
    const accepted = await client
      .post(`/api/v1/delegations/${id}/accept`)
      .header('authorization', await bearer(laocaiHead))
      .json({ received_on: day(4) })
    accepted.assertStatus(200)
    assert.equal(accepted.body().data.status, 'accepted')
    assert.equal(accepted.body().data.source_case.remaining, 6_000_000)
    assert.deepEqual(
      [accepted.body().data.new_case.origin, accepted.body().data.new_case.unit_id],
      ['delegated_in', laocai.id]
    )
    const inbox = await client
      .get('/api/v1/delegations?box=incoming')
      .header('authorization', await bearer(laocaiHead, ['cases:read']))
    assert.include(
      inbox.body().data.map((d: any) => d.id),
      id
    )
    assert.equal(inbox.body().meta.unit, UNITS.laocai)

    const hanoiHead = await makeUser(UNITS.hanoi, ['head'])
    const withdrawn = await client
      .post(`/api/v1/cases/${c.id}/withdraw`)
      .header('authorization', await bearer(hanoiHead))
      .json({ effective_date: day(5), reason: 'Cục rút hồ sơ' })
    withdrawn.assertStatus(201)
    assert.deepEqual(
      [withdrawn.body().data.amount, withdrawn.body().data.source_case.status],
      [6_000_000, 'withdrawn']
    )
    const other = await openCase(s)
    const notHead = await client
      .post(`/api/v1/cases/${other.id}/revoke`)
      .header('authorization', await bearer(s.officer))
      .json({ effective_date: day(5), reason: 'Sai' + ' sót' })
    notHead.assertStatus(403)
    const revoked = await client
      .post(`/api/v1/cases/${other.id}/revoke`)
      .header('authorization', await bearer(s.head))
      .json({ effective_date: day(5), reason: 'Sai sót' })
    revoked.assertStatus(200)
    assert.equal(revoked.body().data.case.status, 'revoked')
    const locked = await client
      .post(`/api/v1/cases/${(await openCase(s)).id}/revoke`)
      .header('authorization', await bearer(s.head))
      .json({ effective_date: '2025-01-10', reason: 'Sai sót' })
    locked.assertStatus(422)
    assert.isTrue(
      (await Case.query().where('status', 'revoked').where('id', other.id).first()) !== null
    )
    assert.lengthOf(await db.from('delegations').where('id', id).where('status', 'accepted'), 1)
  })
})
