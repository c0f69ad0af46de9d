import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { ProposeHandover, SaveDraftDecision, CreateJudgment } from '#cases'
import { preauthorizedRoutes, preauthorizationKey } from '#core'
import { User } from '#accounts'
import { makeUser, UNITS, as } from '#tests/helpers/factories'
import {
  unitStaff,
  openCase,
  day,
  pinClock,
  refusalAudited,
  postForm,
} from '../transfers/_setup.js'

/** A body no validator accepts: every field of the wrong type. */
const MALFORMED = { reason: ['x'], note: { a: 1 }, kind: 42, parties: 'none', obligations: true }

test.group('authorize before validating (issue 9 item 6)', (group) => {
  pinClock(group)

  test('POST /cases/:id/reverify-interval: a cross-unit malformed body is 403 and audited', async ({
    client,
    assert,
  }) => {
    const own = await unitStaff(UNITS.badinh)
    const c = await openCase(own)
    const stranger = await makeUser(UNITS.caugiay, ['officer'])
    const response = await postForm(client, `/cases/${c.id}/reverify-interval`, stranger, {
      reason: 'not-a-reason',
    })
    response.assertStatus(403)
    assert.isTrue(await refusalAudited(stranger, c.id))
  })

  test('POST /handovers/:id/reject: a cross-unit malformed body is 403 and audited', async ({
    client,
    assert,
  }) => {
    const own = await unitStaff(UNITS.badinh)
    await openCase(own)
    const handover = await new ProposeHandover().handle(own.officer, {
      fromOfficerId: own.officer.id,
      toOfficerId: own.officer2.id,
      effectiveDate: day(2),
      reasonKind: 'workload',
    })
    const otherHead = await makeUser(UNITS.caugiay, ['head'])
    const response = await postForm(client, `/handovers/${handover.id}/reject`, otherHead, {})
    response.assertStatus(403)
    assert.isTrue(await refusalAudited(otherHead, handover.id))
    const api = await client
      .post(`/api/v1/handovers/${handover.id}/reject`)
      .bearerToken(
        (await User.accessTokens.create(otherHead, ['cases:read', 'cases:write'])).value!.release()
      )
      .json(MALFORMED)
    api.assertStatus(403)
  })

  test('PUT /decisions/:id: a cross-unit malformed body is 403 and audited', async ({
    client,
    assert,
  }) => {
    const own = await unitStaff(UNITS.badinh)
    const judgment = await new CreateJudgment().handle(own.clerk, {
      number: `${Math.floor(Math.random() * 1e6)}/2026/DS-ST`,
      judgmentDate: day(0),
      court: 'TAND quận Ba Đình',
      type: 'civil',
      receivedOn: day(0),
    })
    const draft = await new SaveDraftDecision().handle(own.clerk, {
      kind: 'ex_officio',
      judgmentId: judgment.id,
      parties: [{ role: 'debtor', name: 'Lê Văn Nợ' }],
      obligations: [{ kind: 'non_money', description: 'Trả lại xe' }],
      submit: false,
    })
    const otherClerk = await makeUser(UNITS.caugiay, ['intake_clerk'])
    const response = await as(
      client.put(`/decisions/${draft.id}`).withCsrfToken().form({ kind: 'nope' }).redirects(0),
      otherClerk
    )
    response.assertStatus(403)
    assert.isTrue(await refusalAudited(otherClerk, draft.id))
  })

  test('POST /handovers/reassign-inactive does not tell another unit whether an officer is active', async ({
    client,
    assert,
  }) => {
    const own = await unitStaff(UNITS.badinh)
    const revoked = await makeUser(UNITS.badinh, ['officer'], { status: 'revoked' })
    const otherHead = await makeUser(UNITS.caugiay, ['head'])
    const answers = []
    for (const officer of [own.officer, revoked]) {
      const response = await postForm(client, '/handovers/reassign-inactive', otherHead, {
        from_officer_id: officer.id,
        to_officer_id: otherHead.id,
        effective_date: day(3),
      })
      answers.push(response.status())
      assert.isTrue(await refusalAudited(otherHead, officer.id))
    }
    assert.deepEqual(answers, [403, 403])
    // Malformed too: still 403, not 422.
    const malformed = await postForm(client, '/handovers/reassign-inactive', otherHead, {
      from_officer_id: own.officer.id,
      effective_date: 'yesterday',
    })
    malformed.assertStatus(403)
  })

  test('other write routes refuse a wrong role or unit before validating', async ({ client }) => {
    const own = await unitStaff(UNITS.badinh)
    const c = await openCase(own)
    const stranger = await makeUser(UNITS.caugiay, ['officer'])
    ;(await postForm(client, `/cases/${c.id}/money`, stranger, { amount: 'x' })).assertStatus(403)
    ;(await postForm(client, `/cases/${c.id}/events`, stranger, { type: 1 })).assertStatus(403)
    const inspector = await makeUser(UNITS.hanoi, ['inspector'])
    ;(await postForm(client, `/cases/${c.id}/assign`, inspector, {})).assertStatus(403)
    const farAdmin = await makeUser(UNITS.laocai, ['admin'])
    ;(
      await as(
        client.put(`/users/${own.officer.id}`).withCsrfToken().form({}).redirects(0),
        farAdmin
      )
    ).assertStatus(403)
  })

  test('every write route of cases and transfers has a rule (or is exempt for a stated reason)', async ({
    assert,
  }) => {
    const exempt = new Set([
      'POST /account/tokens', // own tokens: ability check in the use case, no subject
      'POST /account/tokens/:id/revoke', // no body
      'POST /attachments/:owner/:id', // multipart: owner checked before the file is read
    ])
    const covered = new Set(preauthorizedRoutes())
    const missing: string[] = []
    let checked = 0
    const routes = router.toJSON()
    for (const list of Object.values(routes)) {
      for (const route of list as any[]) {
        const pattern: string = route.pattern
        if (
          !/^\/(api\/v1\/)?(cases|decisions|handovers|delegations|judgments|requests)/.test(pattern)
        )
          continue
        for (const method of route.methods as string[]) {
          if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue
          const key = preauthorizationKey(method, pattern)
          checked++
          if (!covered.has(key) && !exempt.has(key)) missing.push(key)
        }
      }
    }
    assert.deepEqual(missing, [])
    assert.isAbove(checked, 40)
  })
})
