import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { IssueCredential } from '#integrations/actions/issue_credential'
import { signingSecrets } from '#integrations/services/credentials'
import { signHeaders, verifySignature } from '#integrations'
import { as, makeUser, UNITS, unitByCode } from '#tests/helpers/factories'
import { makeClient } from './_setup.js'

const ME = '/api/integrations/v1/me'

async function refusedAudited(actorId: number) {
  return db
    .from('audit_events')
    .where({ action: 'access.denied', actor_id: actorId, outcome: 'refused' })
    .first()
}

test.group('Integrations / clients and credentials', () => {
  test('the national admin registers a client on the page, audited', async ({ client, assert }) => {
    const admin = await makeUser(UNITS.national, ['admin'])
    const national = await unitByCode(UNITS.national)
    const res = await as(
      client.post('/integrations').withCsrfToken().form({
        name: 'Cơ sở dữ liệu người chưa có điều kiện THA',
        owner_unit_id: national.id,
        contact_email: 'csdl@moj.test',
        endpoint_url: 'http://127.0.0.1:3421/hook',
      }),
      admin
    ).redirects(0)
    res.assertStatus(302)
    const row = await db.from('integration_clients').where('contact_email', 'csdl@moj.test').first()
    assert.exists(row)
    assert.exists(
      await db
        .from('audit_events')
        .where({ action: 'integration.client_registered', subject_id: String(row.id) })
        .first()
    )
    const page = await as(client.get(`/integrations/${row.id}`), admin)
    page.assertStatus(200)
    page.assertTextIncludes('Cơ sở dữ liệu người chưa có điều kiện THA')
    const list = await as(client.get('/integrations'), admin)
    list.assertTextIncludes('client-list')
  })

  test('a province admin sees and manages only clients scoped inside its province', async ({
    client,
    assert,
  }) => {
    const national = await makeUser(UNITS.national, ['admin'])
    const hanoiAdmin = await makeUser(UNITS.hanoi, ['admin'])
    const inHanoi = await makeClient({
      admin: national,
      owner: UNITS.hanoi,
      scopes: [{ unit: UNITS.badinh, kind: 'debtors', access: 'read' }],
    })
    const laocai = await makeClient({ admin: national, owner: UNITS.laocai })
    const straddling = await makeClient({
      admin: national,
      owner: UNITS.hanoi,
      scopes: [{ unit: UNITS.sapa, kind: 'debtors', access: 'read' }],
    })

    const list = await as(client.get('/integrations'), hanoiAdmin)
    list.assertStatus(200)
    const names = await db
      .from('integration_clients')
      .whereIn('id', [inHanoi.id, laocai.id, straddling.id])
      .orderBy('id')
      .select('name')
    assert.include(list.text(), names[0].name)
    assert.notInclude(list.text(), names[1].name)
    assert.notInclude(list.text(), names[2].name)

    ;(await as(client.get(`/integrations/${inHanoi.id}`), hanoiAdmin)).assertStatus(200)
    const other = await as(client.get(`/integrations/${laocai.id}`), hanoiAdmin)
    other.assertStatus(403)
    assert.exists(await refusedAudited(hanoiAdmin.id))
    ;(await as(client.get(`/integrations/${straddling.id}`), hanoiAdmin)).assertStatus(403)
    const rotate = await as(
      client
        .post(`/integrations/${laocai.id}/credentials`)
        .withCsrfToken()
        .form({ kind: 'token', rotate: 1 }),
      hanoiAdmin
    )
    rotate.assertStatus(403)
    // Granting a scope outside the province is refused too.
    const sapa = await unitByCode(UNITS.sapa)
    const grant = await as(
      client
        .post(`/integrations/${inHanoi.id}/scopes`)
        .withCsrfToken()
        .form({ unit_id: sapa.id, data_kind: 'debtors', access: 'read' }),
      hanoiAdmin
    )
    grant.assertStatus(403)
    assert.equal(
      Number(
        (
          await db
            .from('integration_scopes')
            .where({ client_id: inHanoi.id, unit_id: sapa.id })
            .count('* as n')
            .first()
        ).n
      ),
      0
    )
    // A province admin cannot register a client owned by another province.
    const laocaiUnit = await unitByCode(UNITS.laocai)
    const reg = await as(
      client.post('/integrations').withCsrfToken().form({
        name: 'Hệ thống Lào Cai',
        owner_unit_id: laocaiUnit.id,
        contact_email: 'ops@laocai.test',
      }),
      hanoiAdmin
    )
    reg.assertStatus(403)
  })

  test('staff without the admin role are refused, audited', async ({ client, assert }) => {
    const officer = await makeUser(UNITS.badinh, ['officer'])
    ;(await as(client.get('/integrations'), officer)).assertStatus(403)
    assert.exists(await refusedAudited(officer.id))
  })

  test('token rotation keeps both tokens valid during the grace period, then only the new one', async ({
    client,
    assert,
  }) => {
    const c = await makeClient()
    const rotated = await new IssueCredential().handle(c.admin, c.id, {
      kind: 'token',
      rotate: true,
      graceHours: 1,
    })
    ;(await client.get(ME).bearerToken(c.token)).assertStatus(200)
    ;(await client.get(ME).bearerToken(rotated.value)).assertStatus(200)
    await db
      .from('integration_credentials')
      .where({ client_id: c.id, status: 'rotated' })
      .update({ valid_until: '2000-01-01 00:00:00' })
    const old = await client.get(ME).bearerToken(c.token)
    old.assertStatus(401)
    assert.equal(old.body().errors[0].code, 'E_UNAUTHORIZED')
    ;(await client.get(ME).bearerToken(rotated.value)).assertStatus(200)
    assert.exists(
      await db
        .from('audit_events')
        .where({ action: 'integration.credential_rotated', subject_id: String(c.id) })
        .first()
    )
  })

  test('secret rotation: both secrets sign during the grace period', async ({ assert }) => {
    const c = await makeClient()
    const fresh = await new IssueCredential().handle(c.admin, c.id, {
      kind: 'secret',
      rotate: true,
      graceHours: 24,
    })
    const secrets = await signingSecrets(c.id)
    assert.sameMembers(secrets, [c.secret, fresh.value])
    const h = signHeaders(secrets, 'msg_x', Math.floor(Date.now() / 1000), '{}')
    const hdr = {
      id: h['webhook-id'],
      timestamp: h['webhook-timestamp'],
      signature: h['webhook-signature'],
    }
    assert.isNull(verifySignature([c.secret], hdr, '{}')) // a receiver still on the old secret
    assert.isNull(verifySignature([fresh.value], hdr, '{}')) // a receiver already on the new one
    await db
      .from('integration_credentials')
      .where({ client_id: c.id, status: 'rotated' })
      .update({ valid_until: '2000-01-01 00:00:00' })
    assert.deepEqual(await signingSecrets(c.id), [fresh.value])
  })

  test('revoked, expired and unknown tokens are 401 and audited; a disabled client too', async ({
    client,
    assert,
  }) => {
    const c = await makeClient()
    ;(await client.get(ME).bearerToken(c.token)).assertStatus(200)
    const cred = await db
      .from('integration_credentials')
      .where({ client_id: c.id, kind: 'token' })
      .first()
    const revoke = await as(
      client.post(`/integrations/${c.id}/credentials/${cred.id}/revoke`).withCsrfToken(),
      c.admin
    ).redirects(0)
    revoke.assertStatus(302)
    ;(await client.get(ME).bearerToken(c.token)).assertStatus(401)
    assert.exists(
      await db
        .from('audit_events')
        .where({ action: 'integration.credential_revoked', subject_id: String(c.id) })
        .first()
    )

    const d = await makeClient()
    await db
      .from('integration_credentials')
      .where({ client_id: d.id, kind: 'token' })
      .update({ expires_at: '2001-01-01 00:00:00' })
    const expired = await client.get(ME).bearerToken(d.token)
    expired.assertStatus(401)
    ;(await client.get(ME).bearerToken('thc_nonsense')).assertStatus(401)
    ;(await client.get(ME)).assertStatus(401)
    const refusals = await db
      .from('audit_events')
      .where({ action: 'integration.refused' })
      .where('after', 'like', '%E_UNAUTHORIZED%')
      .count('* as n')
      .first()
    assert.isAtLeast(Number(refusals.n), 4)

    const e = await makeClient()
    await db.from('integration_clients').where('id', e.id).update({ status: 'disabled' })
    const disabled = await client.get(ME).bearerToken(e.token)
    disabled.assertStatus(401)
    assert.equal(disabled.body().errors[0].code, 'E_CLIENT_DISABLED')
  })

  test('an admin replays one failed message, or all failed since a time; audited', async ({
    client,
    assert,
  }) => {
    const c = await makeClient()
    const now = '2026-01-01 00:00:00'
    for (const [i, created] of [
      '2026-01-01 00:00:00',
      '2026-02-01 00:00:00',
      '2026-03-01 00:00:00',
    ].entries())
      await db
        .insertQuery()
        .table('integration_outbox')
        .insert({
          client_id: c.id,
          message_id: `msg_replay_${c.id}_${i}`,
          event_type: 't',
          payload: '{}',
          status: 'failed',
          attempts: 8,
          next_attempt_at: now,
          created_at: created,
          last_error: 'HTTP 500',
        })
    const rows = await db.from('integration_outbox').where('client_id', c.id).orderBy('id')
    const page = await as(client.get(`/integrations/${c.id}?kind=failures`), c.admin)
    page.assertTextIncludes(rows[0].message_id)
    page.assertTextIncludes('HTTP 500')
    await as(
      client.post(`/integrations/${c.id}/replay`).withCsrfToken().form({ message_id: rows[0].id }),
      c.admin
    ).redirects(0)
    let after = await db.from('integration_outbox').where('client_id', c.id).orderBy('id')
    assert.deepEqual(
      after.map((r) => r.status),
      ['pending', 'failed', 'failed']
    )
    assert.equal(after[0].attempts, 0)
    await as(
      client
        .post(`/integrations/${c.id}/replay`)
        .withCsrfToken()
        .form({ since: '2026-02-15T00:00' }),
      c.admin
    ).redirects(0)
    after = await db.from('integration_outbox').where('client_id', c.id).orderBy('id')
    assert.deepEqual(
      after.map((r) => r.status),
      ['pending', 'failed', 'pending']
    )
    const audits = await db
      .from('audit_events')
      .where({ action: 'integration.messages_replayed', subject_id: String(c.id) })
    assert.lengthOf(audits, 2)
  })
})
