import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import { registerSendable } from '#reporting'
import { claimRun, executeRun, takeOverStale } from '#reporting/schedules/services/runner'
import { tick } from '#reporting/schedules/services/scheduler'
import { findSchedule, sqlTime } from '#reporting/schedules/services/store'
import { as, makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'

const addressOf = (to: any) => (typeof to === 'string' ? to : to.address)
const form = (unitId: number, over: Record<string, unknown> = {}) => ({
  name: 'Biểu 06 hằng tháng',
  report: 'form:form-06-cases',
  unit_id: unitId,
  period_rule: 'last_closed',
  format: 'xlsx',
  cron: '0 7 1 * *',
  recipient_roles: ['statistician'],
  extra_emails: '',
  ...over,
})

async function insertSchedule(
  ownerId: number,
  unitCode: string,
  over: Record<string, unknown> = {}
) {
  const unit = await unitByCode(unitCode)
  const now = sqlTime()
  const [id] = await db
    .insertQuery()
    .table('schedules')
    .insert({
      name: 'test',
      owner_id: ownerId,
      unit_id: unit.id,
      unit_path: unit.path,
      report: 'form:form-06-cases',
      period_rule: 'last_closed',
      format: 'xlsx',
      cron: '0 7 1 * *',
      recipient_roles: '[]',
      extra_emails: 'a@x.test, b@x.test, c@x.test',
      locale: 'vi',
      active: true,
      version: 1,
      created_at: now,
      updated_at: now,
      ...over,
    })
  return (await findSchedule(Number(id)))!
}

test.group('Schedules: pages, validation and refusals', (group) => {
  group.each.teardown(() => mail.restore())

  test('a statistician creates a monthly form 06 schedule; words and next five runs shown', async ({
    client,
    assert,
  }) => {
    const badinh = await unitByCode(UNITS.badinh)
    const user = await makeUser(UNITS.badinh, ['statistician'])
    const res = await as(
      client.post('/schedules').form(form(badinh.id)).withCsrfToken().redirects(0),
      user
    )
    res.assertStatus(302)
    const row = await db.from('schedules').where('owner_id', user.id).firstOrFail()
    assert.equal(row.cron, '0 7 1 * *')
    assert.lengthOf(await auditRows({ action: 'schedule.create', actorId: user.id }), 1)
    const page = await as(client.get(`/schedules/${row.id}`), user)
    page.assertStatus(200)
    assert.include(page.text(), 'lúc 07:00')
    assert.equal((page.text().match(/<li>\d\d\/\d\d\/\d{4} 07:00<\/li>/g) ?? []).length, 5)
    ;(await as(client.get('/schedules'), user)).assertTextIncludes('Biểu 06 hằng tháng')
  })

  test('bad cron and no recipients are refused next to the field; nothing stored', async ({
    client,
    assert,
  }) => {
    const badinh = await unitByCode(UNITS.badinh)
    const user = await makeUser(UNITS.badinh, ['head'])
    const bad = await as(
      client
        .post('/schedules')
        .form(form(badinh.id, { cron: '0 25 * * *' }))
        .withCsrfToken()
        .redirects(0),
      user
    )
    bad.assertStatus(302)
    assert.include(JSON.stringify(bad.flashMessages().errors), 'Biểu thức cron không hợp lệ')
    const none = await as(
      client
        .post('/schedules')
        .form(form(badinh.id, { recipient_roles: [] }))
        .withCsrfToken()
        .redirects(0),
      user
    )
    assert.include(JSON.stringify(none.flashMessages().errors), 'chưa có người nhận')
    const email = await as(
      client
        .post('/schedules')
        .form(form(badinh.id, { extra_emails: 'khong-phai-thu' }))
        .withCsrfToken()
        .redirects(0),
      user
    )
    assert.include(JSON.stringify(email.flashMessages().errors), 'khong-phai-thu')
    assert.lengthOf(await db.from('schedules').where('owner_id', user.id), 0)
    const refusals = await auditRows({ action: 'schedule.refused', actorId: user.id })
    assert.sameMembers(
      refusals.map((r) => JSON.parse(r.after).reason),
      [
        'schedules.errors.cron_invalid',
        'schedules.errors.no_recipients',
        'schedules.errors.bad_email',
      ]
    )
  })

  test('refusals: officer, other jurisdiction, a report the owner may not read — 403 and audited', async ({
    client,
    assert,
  }) => {
    const badinh = await unitByCode(UNITS.badinh)
    const officer = await makeUser(UNITS.badinh, ['officer'])
    ;(await as(client.get('/schedules'), officer)).assertStatus(403)
    ;(
      await as(client.post('/schedules').form(form(badinh.id)).withCsrfToken(), officer)
    ).assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: officer.id }), 2)

    const laocai = await makeUser(UNITS.laocai, ['statistician'])
    ;(
      await as(client.post('/schedules').form(form(badinh.id)).withCsrfToken(), laocai)
    ).assertStatus(403)
    const [row] = await auditRows({ action: 'access.denied', actorId: laocai.id })
    assert.equal(row.subject_id, String(badinh.id))

    // An admin manages schedules of its unit but may not read form 06: refused, audited.
    const admin = await makeUser(UNITS.badinh, ['admin'])
    ;(
      await as(client.post('/schedules').form(form(badinh.id)).withCsrfToken(), admin)
    ).assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: admin.id }), 1)
    assert.lengthOf(
      await db.from('schedules').whereIn('owner_id', [officer.id, laocai.id, admin.id]),
      0
    )

    // Someone else's schedule outside my reach.
    const owner = await makeUser(UNITS.badinh, ['statistician'])
    const s = await insertSchedule(owner.id, UNITS.badinh)
    ;(await as(client.get(`/schedules/${s.id}`), laocai)).assertStatus(403)
    ;(await as(client.post(`/schedules/${s.id}/run`).withCsrfToken(), laocai)).assertStatus(403)
    assert.lengthOf(await db.from('schedule_runs').where('schedule_id', s.id), 0)
  })
})

test.group('Schedules: run now, preview, failures', (group) => {
  group.each.teardown(() => mail.restore())

  test('run now sends one e-mail per recipient with the xlsx attached; history shows it', async ({
    client,
    assert,
  }) => {
    const { messages: mails } = mail.fake()
    const owner = await makeUser(UNITS.badinh, ['statistician'])
    const s = await insertSchedule(owner.id, UNITS.badinh)
    const res = await as(client.post(`/schedules/${s.id}/run`).withCsrfToken().redirects(0), owner)
    res.assertStatus(302)
    mails.assertSentCount(3)
    const sent = mails.sent()
    assert.sameMembers(
      sent.map((m) => addressOf((m.toJSON().message.to as any[])[0])),
      ['a@x.test', 'b@x.test', 'c@x.test']
    )
    const message = sent[0].toJSON().message
    assert.include(String(message.subject), 'Biểu số 06')
    assert.match(String((message.attachments as any[])[0].filename), /\.xlsx$/)
    const run = await db.from('schedule_runs').where('schedule_id', s.id).firstOrFail()
    assert.equal(run.status, 'sent')
    assert.equal(run.sent, 3)
    assert.equal(run.trigger, 'manual')
    assert.lengthOf(await auditRows({ action: 'schedule.run_now', actorId: owner.id }), 1)
    const history = await as(client.get(`/schedules/${s.id}?status=sent`), owner)
    history.assertTextIncludes(`data-run="${run.id}"`)
    const failedOnly = await as(client.get(`/schedules/${s.id}?status=failed`), owner)
    assert.notInclude(failedOnly.text(), `data-run="${run.id}"`)
  })

  test('preview shows the e-mail as it will be sent, with its attachment; nothing is sent', async ({
    client,
    assert,
  }) => {
    const { messages: mails } = mail.fake()
    const owner = await makeUser(UNITS.badinh, ['head'])
    const s = await insertSchedule(owner.id, UNITS.badinh)
    const page = await as(client.get(`/schedules/${s.id}/preview`), owner)
    page.assertStatus(200)
    page.assertTextIncludes('a@x.test, b@x.test, c@x.test')
    page.assertTextIncludes('[THADS]')
    page.assertTextIncludes('.xlsx')
    const file = await as(client.get(`/schedules/${s.id}/preview/attachment`), owner)
    file.assertStatus(200)
    assert.include(String(file.header('content-type')), 'spreadsheetml')
    mails.assertNoneSent()
    assert.lengthOf(await db.from('schedule_runs').where('schedule_id', s.id), 0)
  })

  test('a failed run is logged with its error and tells the owner', async ({ client, assert }) => {
    registerSendable({
      key: 'test:broken',
      group: 'test',
      title: () => 'Broken report',
      formats: ['xlsx'],
      authorize: () => {},
      produce: async () => {
        throw new Error('the report engine is down')
      },
      link: () => '/reports',
    })
    const { messages: mails } = mail.fake()
    const owner = await makeUser(UNITS.badinh, ['statistician'])
    const s = await insertSchedule(owner.id, UNITS.badinh, { report: 'test:broken' })
    await as(client.post(`/schedules/${s.id}/run`).withCsrfToken().redirects(0), owner)
    const run = await db.from('schedule_runs').where('schedule_id', s.id).firstOrFail()
    assert.equal(run.status, 'failed')
    assert.include(run.error, 'the report engine is down')
    mails.assertSentCount(1)
    const note = mails.sent()[0].toJSON().message
    assert.equal(addressOf((note.to as any[])[0]), owner.email)
    assert.include(String(note.subject), 'không gửi được')
    assert.lengthOf(await auditRows({ action: 'schedule.run_failed', subjectId: s.id }), 1)
    const page = await as(client.get(`/schedules/runs?status=failed`), owner)
    page.assertTextIncludes('the report engine is down')
  })
})

test.group('Schedules: exactly once across instances', (group) => {
  group.each.teardown(() => mail.restore())

  test('two claimers of one minute: one run, one e-mail per recipient', async ({ assert }) => {
    const { messages: mails } = mail.fake()
    const owner = await makeUser(UNITS.badinh, ['statistician'])
    // Due every minute, so the tick below finds it whatever the clock says.
    const s = await insertSchedule(owner.id, UNITS.badinh, { cron: '* * * * *', format: 'link' })
    const minute = DateTime.utc().startOf('minute')
    const [a, b] = await Promise.all([
      claimRun(s, { scheduledFor: minute, trigger: 'cron', instanceId: 'A' }),
      claimRun(s, { scheduledFor: minute, trigger: 'cron', instanceId: 'B' }),
    ])
    assert.equal([a, b].filter((x) => x !== null).length, 1)
    await executeRun((a ?? b)!, a ? 'A' : 'B')
    mails.assertSentCount(3)

    // Two instances ticking the next minute: only one of them runs it.
    const next = minute.plus({ minutes: 1 })
    const [wonA, wonB] = await Promise.all([tick(next, 'A'), tick(next, 'B')])
    const runs = await db.from('schedule_runs').where('schedule_id', s.id)
    assert.lengthOf(runs, 2)
    // This schedule's run of that minute was won by exactly one of the two (other due schedules may exist).
    const nextRun = runs.find((r) => r.scheduled_for === sqlTime(next))!
    assert.equal([wonA.includes(nextRun.id), wonB.includes(nextRun.id)].filter(Boolean).length, 1)
    assert.lengthOf(
      await db
        .from('schedule_runs')
        .where('schedule_id', s.id)
        .where('scheduled_for', sqlTime(next)),
      1
    )
    mails.assertSentCount(6)
  })

  test('a run left by a dead instance is finished elsewhere without re-sending', async ({
    assert,
  }) => {
    const { messages: mails } = mail.fake()
    const owner = await makeUser(UNITS.badinh, ['statistician'])
    const s = await insertSchedule(owner.id, UNITS.badinh, { format: 'link' })
    const runId = (await claimRun(s, {
      scheduledFor: DateTime.utc().minus({ hours: 1 }).startOf('minute'),
      trigger: 'cron',
      instanceId: 'dead',
    }))!
    // The dead instance had sent to a@ and was handing b@ to SMTP when it died.
    const old = sqlTime(DateTime.utc().minus({ hours: 1 }))
    await db.table('schedule_deliveries').multiInsert([
      { run_id: runId, email: 'a@x.test', status: 'sent', claimed_by: 'dead', updated_at: old },
      { run_id: runId, email: 'b@x.test', status: 'sending', claimed_by: 'dead', updated_at: old },
    ])
    await db.from('schedule_runs').where('id', runId).update({ heartbeat_at: old })

    // Two survivors sweep at once: one takes it over.
    const [x, y] = await Promise.all([takeOverStale('X'), takeOverStale('Y')])
    assert.equal(x + y, 1)
    // c@ gets the report; the owner is told that b@ may not have received it.
    mails.assertSentCount(2)
    assert.deepEqual(
      mails.sent().map((m) => addressOf((m.toJSON().message.to as any[])[0])),
      ['c@x.test', owner.email]
    )
    const run = await db.from('schedule_runs').where('id', runId).firstOrFail()
    assert.equal(run.attempts, 2)
    assert.equal(run.status, 'partial')
    const deliveries = await db.from('schedule_deliveries').where('run_id', runId).orderBy('email')
    assert.deepEqual(
      deliveries.map((d) => `${d.email}:${d.status}`),
      ['a@x.test:sent', 'b@x.test:uncertain', 'c@x.test:sent']
    )
  })
})

test.group('Schedules: recipients by role in the units below', () => {
  test('a province schedule reaches the districts heads only when "units below" is ticked', async ({
    client,
    assert,
  }) => {
    const hanoi = await unitByCode(UNITS.hanoi)
    const owner = await makeUser(UNITS.hanoi, ['statistician'])
    const own = await makeUser(UNITS.hanoi, ['head'])
    const district = await makeUser(UNITS.caugiay, ['head'])
    const other = await makeUser('T96', ['head'])
    const save = (over: Record<string, unknown>) =>
      as(
        client
          .post('/schedules')
          .form(form(hanoi.id, { recipient_roles: ['head'], name: `Tỉnh ${over.name}`, ...over }))
          .withCsrfToken()
          .redirects(0),
        owner
      )
    ;(await save({ name: 'riêng' })).assertStatus(302)
    ;(await save({ name: 'cả cấp dưới', recipients_below: '1' })).assertStatus(302)
    const { recipientsOf } = await import('#reporting/schedules/services/store')
    const rows = await db.from('schedules').where('owner_id', owner.id).orderBy('id')
    const onlyOwn = await recipientsOf(rows[0])
    const withBelow = await recipientsOf(rows[1])
    assert.include(onlyOwn, own.email.toLowerCase())
    assert.notInclude(onlyOwn, district.email.toLowerCase())
    assert.includeMembers(withBelow, [own.email.toLowerCase(), district.email.toLowerCase()])
    assert.notInclude(withBelow, other.email.toLowerCase())
  })
})
