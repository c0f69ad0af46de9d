import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { signHeaders } from '#integrations'
import { as, makeUser, UNITS, unitByCode } from '#tests/helpers/factories'
import { makeClient } from './_setup.js'

const URL = '/api/integrations/v1/judgments'

function judgment(overrides: Record<string, unknown> = {}) {
  return {
    unit_code: UNITS.badinh,
    number: `${Math.floor(Math.random() * 1e6)}/2026/DS-ST`,
    judgment_date: '2026-11-03',
    court: 'Tòa án nhân dân quận Ba Đình',
    type: 'civil',
    parties: 'Nguyễn Văn A – Công ty B',
    received_on: '2026-11-05',
    ...overrides,
  }
}

async function refusalAudit(clientId: number, code: string) {
  const rows = await db
    .from('audit_events')
    .where({ action: 'integration.refused', subject_id: String(clientId) })
    .select('after')
  return rows.some((r) => JSON.parse(r.after).code === code)
}

async function courtClient() {
  return makeClient({ scopes: [{ unit: UNITS.badinh, kind: 'judgments', access: 'write' }] })
}

test.group('Integrations / court judgments inbound', (group) => {
  group.each.setup(() => {
    setToday('2026-11-20')
    return () => setToday(null)
  })

  test('a court posts a judgment: it lands in the unit register, audited, on the clerks’ dashboard', async ({
    client,
    assert,
  }) => {
    const court = await courtClient()
    const body = judgment()
    const res = await client.post(URL).bearerToken(court.token).json(body)
    res.assertStatus(201)
    const id = res.body().data.id
    const row = await db.from('judgments').where('id', id).first()
    const badinh = await unitByCode(UNITS.badinh)
    assert.equal(row.unit_id, badinh.id)
    assert.equal(row.number, body.number)
    const audit = await db
      .from('audit_events')
      .where({ action: 'judgment.received', subject_id: String(id) })
      .first()
    assert.equal(audit.actor_email, `client:${court.id}`)
    assert.equal(audit.unit_id, badinh.id)
    const traffic = await db.from('integration_requests').where('client_id', court.id).first()
    assert.equal(traffic.status, 201)
    assert.include(traffic.units, badinh.path)

    const clerk = await makeUser(UNITS.badinh, ['intake_clerk'])
    const dash = await as(client.get('/'), clerk)
    dash.assertTextIncludes('widget-arrivals')
    dash.assertTextIncludes(body.number)
    const other = await makeUser(UNITS.caugiay, ['intake_clerk'])
    const dash2 = await as(client.get('/'), other)
    assert.notInclude(dash2.text(), body.number)
  })

  test('the same court, number and date twice is refused with a clear error', async ({
    client,
    assert,
  }) => {
    const court = await courtClient()
    const body = judgment()
    ;(await client.post(URL).bearerToken(court.token).json(body)).assertStatus(201)
    const again = await client
      .post(URL)
      .bearerToken(court.token)
      .json({ ...body, court: 'TÒA ÁN NHÂN DÂN QUẬN BA ĐÌNH ' })
    again.assertStatus(409)
    assert.equal(again.body().errors[0].code, 'E_DUPLICATE_JUDGMENT')
    assert.include(again.body().errors[0].message, 'đã')
    assert.equal(
      await db
        .from('judgments')
        .where('number', body.number)
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      1
    )
    assert.isTrue(await refusalAudit(court.id, 'E_DUPLICATE_JUDGMENT'))
  })

  test('a judgment for a unit outside the scope is 403 and audited', async ({ client, assert }) => {
    const court = await courtClient()
    const body = judgment({ unit_code: UNITS.sapa })
    const res = await client.post(URL).bearerToken(court.token).json(body)
    res.assertStatus(403)
    assert.equal(res.body().errors[0].code, 'E_OUT_OF_SCOPE')
    assert.isTrue(await refusalAudit(court.id, 'E_OUT_OF_SCOPE'))
    assert.notExists(await db.from('judgments').where('number', body.number).first())
  })

  test('bad input: unknown fields, invalid values, malformed JSON, oversized body', async ({
    client,
    assert,
  }) => {
    const court = await courtClient()
    const unknown = await client
      .post(URL)
      .bearerToken(court.token)
      .json({ ...judgment(), secret_note: 'x' })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].code, 'E_UNKNOWN_FIELDS')
    assert.deepEqual(unknown.body().errors[0].fields, ['secret_note'])

    const invalid = await client
      .post(URL)
      .bearerToken(court.token)
      .json(judgment({ type: 'nonsense', judgment_date: '2026-13-01' }))
    invalid.assertStatus(422)
    assert.equal(invalid.body().errors[0].code, 'E_VALIDATION')

    const future = await client
      .post(URL)
      .bearerToken(court.token)
      .json(judgment({ judgment_date: '2026-12-01', received_on: '2026-12-02' }))
    future.assertStatus(422)

    // A raw socket-level body (the test client would re-serialize it).
    const malformed = await fetch(`http://127.0.0.1:${process.env.PORT}${URL}`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${court.token}`, 'content-type': 'application/json' },
      body: '{"unit_code": ',
    })
    assert.equal(malformed.status, 400)
    const malformedBody = (await malformed.json()) as any
    assert.equal(malformedBody.errors[0].code, 'E_INVALID_JSON')
    assert.exists(
      await db.from('audit_events').where({ action: 'api.malformed_body', subject_id: URL }).first()
    )

    const big = await client
      .post(URL)
      .bearerToken(court.token)
      .json(judgment({ summary: 'x'.repeat(70 * 1024) }))
    big.assertStatus(413)
    assert.equal(big.body().errors[0].code, 'E_TOO_LARGE')
    assert.isTrue(await refusalAudit(court.id, 'E_TOO_LARGE'))
  })

  test('signed bodies: a wrong signature, a stale timestamp and a replayed webhook-id are refused', async ({
    client,
    assert,
  }) => {
    const court = await courtClient()
    const payload = judgment()
    const body = JSON.stringify(payload) // what the client's .json() sends
    const now = Math.floor(Date.now() / 1000)
    const good = signHeaders([court.secret], 'msg_court_1', now, body)
    const ok = await client.post(URL).bearerToken(court.token).headers(good).json(payload)
    ok.assertStatus(201)
    const replay = await client.post(URL).bearerToken(court.token).headers(good).json(payload)
    replay.assertStatus(409)
    assert.equal(replay.body().errors[0].code, 'E_REPLAYED')

    const wrong = signHeaders(
      ['whsec_' + Buffer.from('not-the-key').toString('base64')],
      'msg_court_2',
      now,
      body
    )
    const bad = await client.post(URL).bearerToken(court.token).headers(wrong).json(payload)
    bad.assertStatus(401)
    assert.equal(bad.body().errors[0].code, 'E_BAD_SIGNATURE')

    const stale = signHeaders([court.secret], 'msg_court_3', now - 600, body)
    const old = await client.post(URL).bearerToken(court.token).headers(stale).json(payload)
    old.assertStatus(401)
    assert.equal(old.body().errors[0].code, 'E_STALE_TIMESTAMP')
    assert.isTrue(await refusalAudit(court.id, 'E_BAD_SIGNATURE'))
    assert.isTrue(await refusalAudit(court.id, 'E_STALE_TIMESTAMP'))
    assert.isTrue(await refusalAudit(court.id, 'E_REPLAYED'))
  })

  test('calls are rate-limited per client', async ({ client, assert }) => {
    const court = await courtClient()
    await db.from('integration_clients').where('id', court.id).update({ rate_per_minute: 2 })
    const other = await courtClient()
    ;(await client.get('/api/integrations/v1/me').bearerToken(court.token)).assertStatus(200)
    ;(await client.get('/api/integrations/v1/me').bearerToken(court.token)).assertStatus(200)
    const third = await client.get('/api/integrations/v1/me').bearerToken(court.token)
    third.assertStatus(429)
    assert.equal(third.body().errors[0].code, 'E_RATE_LIMITED')
    ;(await client.get('/api/integrations/v1/me').bearerToken(other.token)).assertStatus(200)
  })
})
