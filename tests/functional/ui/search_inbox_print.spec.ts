import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { RecordCollection } from '#cases'
import { makeUser, as, UNITS } from '#tests/helpers/factories'
import { acceptedCase, day, pinClock, refusalAudited } from '../cases/_setup.js'

test.group(
  'Header search (decision, judgment, receipt number, party name; with or without diacritics)',
  (group) => {
    pinClock(group)

    test('finds a case by party name typed without diacritics, đ as d, within the reader scope', async ({
      client,
      assert,
    }) => {
      const unique = `Đặng Thị Ứng ${Date.now() % 100000}`
      const { c, head } = await acceptedCase({ debtor: unique })
      const q = `dang thi ung ${Date.now() % 100000}`.replace(
        /\d+$/,
        String(unique.split(' ').pop())
      )
      const response = await as(client.get(`/search?q=${encodeURIComponent(q)}`), head)
      response.assertStatus(200)
      assert.include(response.text(), `/cases/${c.id}"`)
      assert.include(response.text(), 'tên đương sự')
      // A later word alone finds it too (terms stored from each word on).
      const byGivenName = await as(
        client.get(`/search?q=${encodeURIComponent('ung ' + unique.split(' ').pop())}`),
        head
      )
      assert.include(byGivenName.text(), `/cases/${c.id}"`)
    })

    test('finds by decision number, judgment number and receipt number', async ({
      client,
      assert,
    }) => {
      const { c, judgment, head, officer } = await acceptedCase()
      const receipt = `BL-${Date.now()}`
      await new RecordCollection().handle(officer, c.id, {
        amount: 1_005_000,
        effectiveDate: day(2),
        receiptNumber: receipt,
      } as any)
      for (const q of [judgment.number!, receipt.toLowerCase()]) {
        const response = await as(client.get(`/search?q=${encodeURIComponent(q)}`), head)
        assert.include(response.text(), `/cases/${c.id}"`, q)
      }
      const fresh = await db.from('cases').where('id', c.id).first()
      const byNumber = await as(client.get(`/search?q=${encodeURIComponent(fresh.number)}`), head)
      assert.include(byNumber.text(), `/cases/${c.id}`)
      // The officer sees it (assigned); a head of another district does not.
      const mine = await as(client.get(`/search?q=${encodeURIComponent(receipt)}`), officer)
      assert.include(mine.text(), `/cases/${c.id}"`)
      const other = await makeUser(UNITS.caugiay, ['head'])
      const outside = await as(client.get(`/search?q=${encodeURIComponent(receipt)}`), other)
      outside.assertStatus(200)
      assert.notInclude(outside.text(), `/cases/${c.id}"`)
      assert.include(outside.text(), 'Không tìm thấy')
    })

    test('the warehouse keeper has no case search: 403, audited', async ({ client, assert }) => {
      const keeper = await makeUser(UNITS.badinh, ['warehouse_keeper'])
      const response = await as(client.get('/search?q=nguyen'), keeper)
      response.assertStatus(403)
      assert.isTrue(await refusalAudited(keeper))
    })
  }
)

test.group('Task inbox', (group) => {
  pinClock(group)

  test('the head sees drafts awaiting approval; the officer sees deadlines of own cases', async ({
    client,
    assert,
  }) => {
    const { c, officer, head } = await acceptedCase()
    const headPage = await as(client.get('/inbox'), head)
    headPage.assertStatus(200)
    assert.include(headPage.text(), 'Việc cần làm')
    const officerPage = await as(client.get('/inbox'), officer)
    officerPage.assertStatus(200)
    assert.include(officerPage.text(), `/cases/${c.id}"`)
    assert.include(officerPage.text(), 'data-kind="deadline"')
  })

  test('an empty inbox says so in Vietnamese', async ({ client, assert }) => {
    const statistician = await makeUser(UNITS.hanoi, ['statistician'])
    const response = await as(client.get('/inbox'), statistician)
    response.assertStatus(200)
    assert.include(response.text(), 'Hiện không có việc nào đang chờ bạn.')
  })
})

test.group('Print views', (group) => {
  pinClock(group)

  test('a collection receipt prints the amount in Vietnamese words', async ({ client, assert }) => {
    const { c, officer } = await acceptedCase()
    await new RecordCollection().handle(officer, c.id, {
      amount: 1_005_000,
      effectiveDate: day(2),
      receiptNumber: 'BL-0001',
    } as any)
    const entry = await db.from('money_entries').where({ case_id: c.id, kind: 'collected' }).first()
    const response = await as(client.get(`/cases/${c.id}/money/${entry.id}/receipt`), officer)
    response.assertStatus(200)
    assert.include(response.text(), 'Một triệu không trăm lẻ năm nghìn đồng')
    assert.include(response.text(), 'BL-0001')
    const decision = await as(client.get(`/cases/${c.id}/print/decision`), officer)
    decision.assertStatus(200)
    assert.include(decision.text(), 'Quyết định thi hành án')
    const summary = await as(client.get(`/cases/${c.id}/print`), officer)
    summary.assertStatus(200)
    assert.include(summary.text(), 'Tóm tắt hồ sơ thi hành án')
  })

  test('print views keep the case read scope: another district gets 403, audited', async ({
    client,
    assert,
  }) => {
    const { c } = await acceptedCase()
    const other = await makeUser(UNITS.caugiay, ['head'])
    const response = await as(client.get(`/cases/${c.id}/print`), other)
    response.assertStatus(403)
    assert.isTrue(await refusalAudited(other, c.id))
  })
})
