import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { RecordEvent } from '#cases'
import { Dispatcher } from '#integrations'
import { makeUser, unitByCode, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'
import { acceptedCase, day, TODAY } from '../functional/cases/_setup.js'
import { startReceiver, RECEIVER_PORT } from '../functional/integrations/_setup.js'

test.group('browser: integration engine', (group) => {
  group.each.setup(() => {
    setToday(TODAY)
    return () => setToday(null)
  })

  test('the national admin registers the debtor-database client; a no-conditions decision reaches the receiver signed', async ({
    visit,
    assert,
  }) => {
    let secrets: string[] = []
    const receiver = await startReceiver([], () => secrets, RECEIVER_PORT + 4)
    try {
      const admin = await makeUser(UNITS.national, ['admin'])
      const email = `csdl-${Date.now()}@moj.test`
      const national = await unitByCode(UNITS.national)
      const page = await visit('/login')
      await page.fill('#email', admin.email)
      await page.fill('#password', TEST_PASSWORD)
      await page.click('#login-submit')
      await page.waitForURL('**/')
      await page.click('a[data-nav="integrations.index"]')
      await page.fill('#register-client input[name="name"]', 'CSDL người chưa có điều kiện THA')
      await page.selectOption('#register-client select[name="owner_unit_id"]', String(national.id))
      await page.fill('#register-client input[name="contact_email"]', email)
      await page.fill('#register-client input[name="endpoint_url"]', receiver.url)
      await page.selectOption('#register-client select[name="plugin_id"]', 'debtor-database')
      await page.click('#register-client button[type="submit"]')
      await page.waitForSelector('#add-scope')
      await page.selectOption('#add-scope select[name="unit_id"]', String(national.id))
      await page.selectOption('#add-scope select[name="data_kind"]', 'debtors')
      await page.click('#add-scope button[type="submit"]')
      await page.waitForSelector('#scopes td')
      await page.selectOption('#issue-credential select[name="kind"]', 'secret')
      await page.click('#issue-credential button[type="submit"]')
      const secret = (await page.textContent('#revealed code'))!.trim()
      assert.match(secret, /^whsec_/)
      secrets = [secret]

      const { officer, c } = await acceptedCase({ debtor: 'Phùng Thị Minh Bạch' })
      await new RecordEvent().handle(officer, c.id, {
        type: 'no_conditions',
        effectiveDate: day(2),
        legalGround: '44a.1.a',
      })
      const clientRow = await db.from('integration_clients').where('contact_email', email).first()
      await new Dispatcher({ clientIds: [clientRow.id] }).drain()
      assert.lengthOf(receiver.received, 1)
      assert.isTrue(receiver.received[0].valid)
      assert.include(receiver.received[0].body, 'Phùng Thị Minh Bạch')

      await page.reload()
      await page.assertTextContains('#traffic', 'debtor.published')
      await page.assertTextContains('#traffic', 'Đã gửi')

      await page.goto('/public/debtors?q=phung thi')
      await page.assertTextContains('#debtor-list', 'Phùng Thị Minh Bạch')
    } finally {
      await receiver.close()
    }
  })
})
