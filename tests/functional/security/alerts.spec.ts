import { test } from '@japa/runner'
import { SMTPServer } from 'smtp-server'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { User } from '#accounts'
import { recordAudit } from '#audit'
import { useAlertSmtp } from '#audit/services/alerts/notify'
import { makeUser, UNITS, as, TEST_PASSWORD } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'
import { auditRows } from '#tests/helpers/audit'

const SMTP_PORT = Number(process.env.PORT ?? 3334) + 2
const inbox: { to: string[]; text: string }[] = []

async function alertsOf(filter: { rule: string; userId?: number; ip?: string }) {
  const q = db.from('security_alerts').where('rule', filter.rule)
  if (filter.userId) q.where('user_id', filter.userId)
  if (filter.ip) q.where('source_ip', filter.ip)
  return q
}

async function setRule(
  rule: string,
  threshold: number,
  windowMinutes: number,
  extra: number | null = null
) {
  await db
    .insertQuery()
    .table('alert_rules')
    .insert({ rule, enabled: true, threshold, window_minutes: windowMinutes, extra })
    .knexQuery.onConflict('rule')
    .merge()
}

async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, ms = 5000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await fn()
    if (value) return value
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

test.group('intrusion alerts', (group) => {
  let server: SMTPServer
  group.setup(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let text = ''
        stream.on('data', (chunk) => (text += chunk.toString()))
        stream.on('end', () => {
          // Quoted-printable body (Vietnamese text): undo soft breaks and =XX escapes.
          const decoded = Buffer.from(
            text
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_, hex) =>
                String.fromCharCode(Number.parseInt(hex, 16))
              ),
            'latin1'
          ).toString('utf8')
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), text: decoded })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(SMTP_PORT, '127.0.0.1', resolve))
    useAlertSmtp({ host: '127.0.0.1', port: SMTP_PORT })
    return async () => {
      useAlertSmtp(null)
      await db.from('alert_rules').delete()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
  group.each.setup(async () => {
    await db.from('alert_rules').delete()
  })

  test('repeated refusals raise an alert for the unit admin, with evidence and an e-mail', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.sapa, ['admin'])
    const officer = await makeUser(UNITS.sapa, ['officer'])
    for (let i = 0; i < 9; i++) (await as(client.get('/users'), officer)).assertStatus(403)
    assert.lengthOf(
      await alertsOf({ rule: 'refusals', userId: officer.id }),
      0,
      'below the threshold'
    )
    ;(await as(client.get('/users'), officer)).assertStatus(403)
    const [alert] = await alertsOf({ rule: 'refusals', userId: officer.id })
    assert.exists(alert)
    assert.equal(alert.actor_email, officer.email)
    assert.lengthOf(JSON.parse(alert.evidence).auditIds, 10)

    const mail = await waitFor(async () => inbox.find((m) => m.to.includes(admin.email)))
    assert.include(mail.text, officer.email)
    assert.include(mail.text, `/security/alerts/${alert.id}`)

    const list = await as(client.get('/security/alerts'), admin)
    list.assertStatus(200)
    assert.include(list.text(), officer.email)
    const page = await as(client.get(`/security/alerts/${alert.id}`), admin)
    assert.include(page.text(), 'Bị từ chối truy cập nhiều lần')
    assert.include(page.text(), `id="audit-${JSON.parse(alert.evidence).auditIds[0]}"`)

    // Another province's admin neither lists nor opens it (403, audited).
    const farAdmin = await makeUser(UNITS.camau, ['admin'])
    assert.notInclude((await as(client.get('/security/alerts'), farAdmin)).text(), officer.email)
    ;(await as(client.get(`/security/alerts/${alert.id}`), farAdmin)).assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: farAdmin.id }), 1)

    // Acknowledge, then resolve: audited.
    await as(
      client.post(`/security/alerts/${alert.id}/acknowledge`).withCsrfToken().redirects(0),
      admin
    )
    await as(
      client
        .post(`/security/alerts/${alert.id}/resolve`)
        .withCsrfToken()
        .form({ note: 'đã nhắc nhở' })
        .redirects(0),
      admin
    )
    const after = await db.from('security_alerts').where('id', alert.id).first()
    assert.equal(after.status, 'resolved')
    assert.equal(after.resolution_note, 'đã nhắc nhở')
    assert.lengthOf(await auditRows({ action: 'security.alert_resolved', actorId: admin.id }), 1)
  })

  test('normal use raises nothing', async ({ client, assert }) => {
    const officer = await makeUser(UNITS.sapa, ['officer'])
    for (let i = 0; i < 5; i++) (await as(client.get('/'), officer)).assertStatus(200)
    for (let i = 0; i < 3; i++) (await as(client.get('/users'), officer)).assertStatus(403)
    assert.lengthOf(await db.from('security_alerts').where('user_id', officer.id), 0)
  })

  test('a burst of failed logins on many accounts from one source', async ({ assert }) => {
    const ip = '203.0.113.77'
    const attacker = new WebSession(undefined, { 'x-forwarded-for': ip })
    for (let i = 0; i < 4; i++)
      await attacker.login(`nobody${i}-${Date.now()}@test.thads`, 'Wrong@pass1')
    assert.lengthOf(await alertsOf({ rule: 'failed_login_burst', ip }), 0)
    await attacker.login(`nobody-last-${Date.now()}@test.thads`, 'Wrong@pass1')
    const [alert] = await alertsOf({ rule: 'failed_login_burst', ip })
    assert.exists(alert)
    assert.equal(JSON.parse(alert.evidence).facts.accounts, 5)
    // One person mistyping their own password from another address is not a burst.
    const user = await makeUser(UNITS.sapa, ['officer'])
    const clumsy = new WebSession(undefined, { 'x-forwarded-for': '203.0.113.78' })
    for (let i = 0; i < 3; i++) await clumsy.login(user.email, 'Wrong@pass1')
    assert.lengthOf(await alertsOf({ rule: 'failed_login_burst', ip: '203.0.113.78' }), 0)
  })

  test('a token used outside its scope', async ({ client, assert }) => {
    const officer = await makeUser(UNITS.sapa, ['officer'])
    const token = (await User.accessTokens.create(officer, ['cases:read'])).value!.release()
    ;(await client.get('/api/v1/cases').bearerToken(token)).assertStatus(200)
    assert.lengthOf(await alertsOf({ rule: 'token_scope', userId: officer.id }), 0)
    const res = await client.post('/api/v1/judgments').bearerToken(token).json({})
    res.assertStatus(403)
    assert.lengthOf(await alertsOf({ rule: 'token_scope', userId: officer.id }), 1)
  })

  test('a login at an unusual hour (thresholds tuned by the admin)', async ({ assert }) => {
    const user = await makeUser(UNITS.sapa, ['officer'])
    await setRule('unusual_hour', 0, 60, 24) // every hour is a working hour
    await new WebSession().login(user.email, TEST_PASSWORD)
    assert.lengthOf(await alertsOf({ rule: 'unusual_hour', userId: user.id }), 0)
    const hour = DateTime.now().setZone('Asia/Ho_Chi_Minh').hour
    await setRule('unusual_hour', hour + 1, 60, 24) // work starts after the current hour
    await new WebSession().login(user.email, TEST_PASSWORD)
    const [alert] = await alertsOf({ rule: 'unusual_hour', userId: user.id })
    assert.equal(JSON.parse(alert.evidence).facts.hour, hour)
  })

  test('a login from a network new for the account', async ({ assert }) => {
    const user = await makeUser(UNITS.sapa, ['officer'])
    const from = (ip: string) => new WebSession(undefined, { 'x-forwarded-for': ip })
    await from('198.51.100.5').login(user.email, TEST_PASSWORD)
    await from('198.51.100.9').login(user.email, TEST_PASSWORD)
    assert.lengthOf(await alertsOf({ rule: 'new_network', userId: user.id }), 0, 'same /24')
    await from('192.0.2.44').login(user.email, TEST_PASSWORD)
    const [alert] = await alertsOf({ rule: 'new_network', userId: user.id })
    assert.equal(JSON.parse(alert.evidence).facts.network, '192.0.2')
  })

  test('reads or exports far above the account usual', async ({ assert }) => {
    const user = await makeUser(UNITS.sapa, ['statistician'])
    await user.loadAccess()
    await setRule('volume', 5, 1440, 3)
    const read = () =>
      recordAudit({
        actor: user,
        unit: user.unit,
        action: 'reporting.export.download',
        subjectType: 'export_job',
      })
    for (let i = 0; i < 4; i++) await read()
    assert.lengthOf(await alertsOf({ rule: 'volume', userId: user.id }), 0)
    await read()
    const [alert] = await alertsOf({ rule: 'volume', userId: user.id })
    assert.equal(JSON.parse(alert.evidence).facts.count, 5)
  })

  test('only the national admin tunes thresholds; a province admin is refused and audited', async ({
    client,
    assert,
  }) => {
    const national = await makeUser(UNITS.national, ['admin'])
    const province = await makeUser(UNITS.hanoi, ['admin'])
    const form = {
      'rules[0][rule]': 'refusals',
      'rules[0][enabled]': 'true',
      'rules[0][threshold]': '3',
      'rules[0][window_minutes]': '5',
    }
    const refused = await as(
      client.post('/security/alert-rules').withCsrfToken().form(form).redirects(0),
      province
    )
    refused.assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: province.id }), 1)
    const saved = await as(
      client.post('/security/alert-rules').withCsrfToken().form(form).redirects(0),
      national
    )
    saved.assertStatus(302)
    const row = await db.from('alert_rules').where('rule', 'refusals').first()
    assert.equal(Number(row.threshold), 3)
    assert.lengthOf(
      await auditRows({ action: 'security.alert_rules_changed', actorId: national.id }),
      1
    )
    const page = await as(client.get('/security/alert-rules'), province)
    page.assertStatus(200)
    assert.include(page.text(), 'Ngưỡng cảnh báo')
  })
})
