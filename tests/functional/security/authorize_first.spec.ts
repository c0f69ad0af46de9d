import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
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

  test('every write route of the application has a rule, authorizes in its controller first, or is exempt', async ({
    assert,
  }) => {
    const covered = new Set(preauthorizedRoutes())
    const missing: string[] = []
    const stale: string[] = []
    const seen = new Set<string>()
    for (const { method, pattern } of writeRoutes()) {
      const key = preauthorizationKey(method, pattern)
      seen.add(key)
      if (!covered.has(key) && !CONTROLLER_FIRST.has(key) && !NO_BODY.has(key) && !EXEMPT.has(key))
        missing.push(key)
    }
    for (const key of [...CONTROLLER_FIRST, ...NO_BODY, ...EXEMPT])
      if (!seen.has(key)) stale.push(key)
    assert.deepEqual(missing, [])
    assert.deepEqual(stale, [], 'an exemption names a route that no longer exists')
    assert.isAbove(seen.size, 80)
  })

  test('a user without any role gets 403 (never 422) on every non-exempt write route, whatever the body', async ({
    client,
    assert,
  }) => {
    const nobody = await makeUser(UNITS.laocai, [])
    const answers: string[] = []
    for (const { method, pattern } of writeRoutes()) {
      const key = preauthorizationKey(method, pattern)
      if (EXEMPT.has(key) || pattern.startsWith('/api/')) continue
      const url = pattern
        .replace(':owner', 'case')
        .replace(':day', '2026-01-01')
        .replace(':year', '2026')
        .replace(/:[a-z]+/g, '1')
      const verb = method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'
      const response = await as(
        client[verb](url).withCsrfToken().form(MALFORMED).redirects(0),
        nobody
      )
      if (response.status() !== 403) answers.push(`${key} → ${response.status()}`)
    }
    assert.deepEqual(answers, [])
    const refusals = await db
      .from('audit_events')
      .where('actor_id', nobody.id)
      .where('action', 'access.denied')
      .count('* as n')
      .first()
    assert.isAbove(Number(refusals?.n), 30)
  })
})

/** Every POST/PUT/PATCH/DELETE route of the application (page and API). */
function writeRoutes(): { method: string; pattern: string }[] {
  const out: { method: string; pattern: string }[] = []
  for (const list of Object.values(router.toJSON())) {
    for (const route of list as any[]) {
      for (const method of route.methods as string[]) {
        if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method))
          out.push({ method, pattern: route.pattern })
      }
    }
  }
  return out
}

/**
 * The controller itself authorizes role and jurisdiction before it validates anything (checked for every route
 * by the role-less sweep above, and with cross-unit bodies in authorize_first_modules.spec.ts).
 */
const CONTROLLER_FIRST = new Set([
  'POST /security/alert-rules', // national admin only, checked before the body is read
  'POST /periods/years/:year/close', // role checked before closeYearValidator
  'POST /periods/holidays', // role checked before calendarDayValidator
  'POST /reconciliation/figures', // authorizeWrite(user) then authorizeWrite(user, unit) before the validator
  'POST /reconciliation/plan', // authorizePlan before planValidator
  'POST /schedules', // authorizeSchedulesArea + target unit (prepareBody) before scheduleValidator
  'PUT /schedules/:id', // loadOwn (schedule in reach) + target unit before scheduleValidator
  'POST /warehouse/exhibits', // keeper/officer role before exhibitValidator
  'POST /warehouse/exhibits/:id/orders', // assertCanPropose on the exhibit before orderValidator
  'POST /warehouse/orders/:id/sign', // assertHead of the order's unit before signValidator
  'POST /warehouse/orders/:id/refuse', // assertHead before refuseValidator
  'POST /warehouse/orders/:id/execute', // assertKeeper before executeValidator
  'POST /warehouse/stocktakes', // assertKeeper of the own unit before stocktakeValidator
])

/** The route validates no body at all: the use case authorizes first by construction. */
const NO_BODY = new Set([
  'POST /account/tokens/:id/revoke',
  'POST /users/:id/reset-password', // findManaged (bouncer) first
  'POST /users/:id/revoke',
  'POST /users/:id/reinstate',
  'POST /security/alerts/:id/acknowledge', // alertInReach first; the note is free text, cut, never validated
  'POST /security/alerts/:id/resolve',
  'POST /periods/holidays/:day/delete',
  'POST /schedules/:id/run', // loadOwn first
  'POST /schedules/:id/toggle',
  'POST /warehouse/stocktakes/:id/approve',
])

/** Not a signed-in user's write on a subject, or a body checked differently (stated per route). */
const EXEMPT = new Set([
  'POST /login', // public: the credentials are the body
  'POST /logout', // ends the user's own session
  'POST /locale', // public: the display language only
  'PUT /account/password', // the user's own account, no other subject
  'POST /account/sessions/end-others', // the user's own sessions
  'POST /account/tokens', // own tokens: ability check in the use case, no subject
  'POST /attachments/:owner/:id', // multipart: owner checked before the file is read
  'POST /imports', // multipart: importer role checked before the file is received
  'POST /reconciliation/figures/import', // multipart: authorizeWrite before the file is read
  // The integration API: authorized by the client's token and scopes (IntegrationRefusal), not a user session.
  'POST /api/integrations/v1/*',
  'PUT /api/integrations/v1/*',
  'PATCH /api/integrations/v1/*',
  'DELETE /api/integrations/v1/*',
])
