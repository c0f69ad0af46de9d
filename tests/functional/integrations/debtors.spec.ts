import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { AmendObligation, RecordEvent, RecordPublication } from '#cases'
import { Dispatcher } from '#integrations'
import { as, makeUser, UNITS, unitByCode } from '#tests/helpers/factories'
import { acceptedCase, day, pinClock } from '../cases/_setup.js'
import { makeClient, outboxOf, startReceiver } from './_setup.js'

async function debtorClient(
  endpoint: string | null = 'http://127.0.0.1:9/none',
  unit: string = UNITS.hanoi
) {
  return makeClient({ endpoint, scopes: [{ unit, kind: 'debtors', access: 'read' }] })
}

test.group('Integrations / uncollectible-debtor database (Art. 44a)', (group) => {
  pinClock(group)

  test('no-conditions → update → resume queue publish (5 wd), update (3 wd), removal (2 wd) in the case transaction', async ({
    assert,
  }) => {
    const hanoi = await debtorClient()
    const laocai = await debtorClient(undefined, UNITS.laocai)
    const { officer, c } = await acceptedCase({ debtor: 'Trần Thị Bích' })
    await db
      .from('case_parties')
      .where({ case_id: c.id, role: 'debtor' })
      .update({ address: '12 Phố Huế, Hà Nội' })
    const ev = new RecordEvent()
    // Wed 4 Nov 2026 + 5 working days = Wed 11 Nov
    await ev.handle(officer, c.id, {
      type: 'no_conditions',
      effectiveDate: day(2),
      legalGround: '44a.1.b',
    })
    let rows = await outboxOf(hanoi.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].event_type, 'debtor.published')
    assert.equal(String(rows[0].due_on).slice(0, 10), '2026-11-11')
    const data = JSON.parse(rows[0].payload).data
    assert.equal(data.debtor_name, 'Trần Thị Bích')
    assert.equal(data.debtor_address, '12 Phố Huế, Hà Nội')
    assert.equal(data.reason, '44a.1.b')
    assert.include(data.judgment, 'TAND quận Ba Đình')
    assert.include(data.obligation_without_conditions, 'Trả nợ gốc và lãi')
    assert.notProperty(data, 'creditor_name')
    assert.lengthOf(await outboxOf(laocai.id), 0) // outside that client's scope

    // Thu 5 Nov + 3 working days = Tue 10 Nov (the weekend is skipped)
    await new AmendObligation().handle(officer, c.id, {
      amount: -2_000_000,
      effectiveDate: day(3),
      documentNumber: 'QĐ-SĐ 1',
    })
    rows = await outboxOf(hanoi.id)
    assert.lengthOf(rows, 2)
    assert.equal(rows[1].event_type, 'debtor.updated')
    assert.equal(String(rows[1].due_on).slice(0, 10), '2026-11-10')
    assert.include(JSON.parse(rows[1].payload).data.obligation_without_conditions, '8000000')

    // A re-verification that changes nothing published queues nothing.
    await ev.handle(officer, c.id, { type: 'verified', effectiveDate: day(3) })
    assert.lengthOf(await outboxOf(hanoi.id), 2)

    // Fri 6 Nov + 2 working days = Tue 10 Nov
    await ev.handle(officer, c.id, { type: 'resume', effectiveDate: day(4) })
    rows = await outboxOf(hanoi.id)
    assert.lengthOf(rows, 3)
    assert.equal(rows[2].event_type, 'debtor.removed')
    assert.equal(String(rows[2].due_on).slice(0, 10), '2026-11-10')
    assert.equal(JSON.parse(rows[2].payload).data.cause, 'resume')
    const listing = await db.from('debtor_listings').where('case_id', c.id).first()
    assert.isFalse(Boolean(listing.listed))
  })

  test('a failing case write leaves no outbox row (same transaction)', async ({ assert }) => {
    const hanoi = await debtorClient()
    const { officer, c } = await acceptedCase()
    await assert.rejects(() =>
      new RecordEvent().handle(officer, c.id, {
        type: 'no_conditions',
        effectiveDate: day(2),
        legalGround: '44a.1.z',
      })
    )
    assert.lengthOf(await outboxOf(hanoi.id), 0)
    assert.notExists(await db.from('debtor_listings').where('case_id', c.id).first())
  })

  test('termination removes; an update recorded by the officer queues an update', async ({
    assert,
  }) => {
    const hanoi = await debtorClient()
    const { officer, c } = await acceptedCase()
    const ev = new RecordEvent()
    await ev.handle(officer, c.id, {
      type: 'no_conditions',
      effectiveDate: day(2),
      legalGround: '44a.1.a',
    })
    await new RecordPublication().handle(officer, c.id, {
      action: 'publish',
      effectiveDate: day(3),
    })
    await new RecordPublication().handle(officer, c.id, { action: 'update', effectiveDate: day(4) })
    let rows = await outboxOf(hanoi.id)
    assert.deepEqual(
      rows.map((r) => r.event_type),
      ['debtor.published', 'debtor.updated']
    )
    await ev.handle(officer, c.id, {
      type: 'terminated',
      effectiveDate: day(5),
      legalGround: '50.1.a',
    })
    rows = await outboxOf(hanoi.id)
    assert.equal(rows[2].event_type, 'debtor.removed')
    assert.equal(JSON.parse(rows[2].payload).data.cause, 'terminated')
  })

  test('the receiver gets the signed messages; the compliance report counts on time, late and undelivered', async ({
    client,
    assert,
  }) => {
    let secrets: string[] = []
    const receiver = await startReceiver([], () => secrets)
    try {
      const hanoi = await debtorClient(receiver.url, UNITS.caugiay)
      secrets = [hanoi.secret]
      const { officer, c } = await acceptedCase({ unit: UNITS.caugiay })
      await new RecordEvent().handle(officer, c.id, {
        type: 'no_conditions',
        effectiveDate: day(2),
        legalGround: '44a.1.c',
      })
      await new Dispatcher({ clientIds: [hanoi.id] }).drain()
      assert.lengthOf(receiver.received, 1)
      assert.isTrue(receiver.received[0].valid)
      assert.equal(JSON.parse(receiver.received[0].body).type, 'debtor.published')
      // The message was delivered today (20 Nov), after its due day (11 Nov): late.
      await new RecordEvent().handle(officer, c.id, { type: 'resume', effectiveDate: day(16) })
      await db.from('integration_clients').where('id', hanoi.id).update({ status: 'disabled' })
      const stat = await makeUser(UNITS.hanoi, ['statistician'])
      const res = await as(
        client
          .get(`/integrations/compliance?from=2026-11-01&to=2026-12-31&client=${hanoi.id}`)
          .header('accept', 'application/json'),
        stat
      )
      res.assertStatus(200)
      const row = res.body().rows.find((r: any) => r.code === UNITS.caugiay)
      assert.equal(row.due, 2)
      assert.equal(row.late, 1)
      assert.equal(row.on_time, 0)
      assert.equal(row.undelivered, 1)
      const page = await as(client.get('/integrations/compliance'), stat)
      page.assertStatus(200)
      page.assertTextIncludes('compliance')
      const laocaiStat = await makeUser(UNITS.laocai, ['statistician'])
      const other = await as(
        client
          .get('/integrations/compliance?from=2026-11-01&to=2026-12-31')
          .header('accept', 'application/json'),
        laocaiStat
      )
      assert.isUndefined(other.body().rows.find((r: any) => r.code === UNITS.caugiay))
      const officerOnly = await makeUser(UNITS.caugiay, ['officer'])
      ;(await as(client.get('/integrations/compliance'), officerOnly)).assertStatus(403)
    } finally {
      await receiver.close()
    }
  })

  test('the public page (no login) shows only published fields, searches by name and unit, downloads CSV and Excel', async ({
    client,
    assert,
  }) => {
    const { officer, c } = await acceptedCase({ debtor: 'Đặng Văn Công Khai' })
    await db
      .from('case_parties')
      .where({ case_id: c.id, role: 'debtor' })
      .update({ id_number: '001099012345' })
    await new RecordEvent().handle(officer, c.id, {
      type: 'no_conditions',
      effectiveDate: day(2),
      legalGround: '44a.1.a',
    })
    const gone = await acceptedCase({ debtor: 'Đặng Văn Đã Gỡ' })
    await new RecordEvent().handle(gone.officer, gone.c.id, {
      type: 'no_conditions',
      effectiveDate: day(2),
      legalGround: '44a.1.a',
    })
    await new RecordEvent().handle(gone.officer, gone.c.id, {
      type: 'resume',
      effectiveDate: day(3),
    })

    const page = await client.get('/public/debtors?q=dang van')
    page.assertStatus(200)
    page.assertTextIncludes('Đặng Văn Công Khai')
    assert.notInclude(page.text(), 'Đặng Văn Đã Gỡ')
    assert.notInclude(page.text(), '001099012345') // identity numbers are not published
    assert.notInclude(page.text(), 'Ngân hàng TMCP Ví Dụ') // nor the creditor
    // A province lists its districts: Hà Nội shows the Ba Đình debtor, Lào Cai does not.
    const hanoiUnit = await unitByCode(UNITS.hanoi)
    const laocaiUnit = await unitByCode(UNITS.laocai)
    const inHanoi = await client.get(`/public/debtors?q=dang&unit=${hanoiUnit.id}`)
    assert.include(inHanoi.text(), 'Đặng Văn Công Khai')
    const inLaocai = await client.get(`/public/debtors?q=dang&unit=${laocaiUnit.id}`)
    assert.notInclude(inLaocai.text(), 'Đặng Văn Công Khai')
    const csv = await client.get('/public/debtors/export/csv?q=%C4%91%C4%83ng%20v%C4%83n%20c')
    csv.assertStatus(200)
    assert.include(csv.header('content-type'), 'text/csv')
    assert.include(csv.text(), 'Đặng Văn Công Khai')
    assert.notInclude(csv.text(), '001099012345')
    const xlsx = await fetch(
      `http://127.0.0.1:${process.env.PORT}/public/debtors/export/xlsx?q=dang`
    )
    assert.equal(xlsx.status, 200)
    assert.include(xlsx.headers.get('content-type')!, 'spreadsheetml')
    const bytes = Buffer.from(await xlsx.arrayBuffer())
    assert.equal(bytes.subarray(0, 2).toString(), 'PK') // a zip (xlsx) container
  })

  test('keyset paging walks the whole list without repeats', async ({ client, assert }) => {
    const now = '2026-11-20 00:00:00'
    const rows = Array.from({ length: 120 }, (_, i) => ({
      case_id: 900000 + i,
      unit_id: 1,
      unit_path: '/x/',
      unit_name: 'Đơn vị thử',
      debtor_name: `Zeta ${String(i % 7)}`,
      name_key: `zeta ${String(i % 7)}`,
      debtor_address: null,
      judgment: 'j',
      decision: 'd',
      obligation: 'o',
      reason: '44a.1.a',
      listed_on: '2026-11-02',
      listed: true,
      updated_at: now,
    }))
    await db.table('debtor_listings').multiInsert(rows)
    const seen: string[] = []
    let url: string | null = '/public/debtors?q=zeta'
    while (url) {
      const res: { text(): string } = await client.get(url)
      const names = [...res.text().matchAll(/<tr><td>(Zeta \d)<\/td>/g)].map((m) => m[1])
      seen.push(...names)
      const next: RegExpMatchArray | null = res
        .text()
        .match(/href="([^"]+after=[^"]+)" role="button" id="next-page"/)
      url = next ? next[1].replace(/&amp;/g, '&') : null
    }
    assert.lengthOf(seen, 120)
  })
})
