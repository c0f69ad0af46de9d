import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeUser, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'

test.group('browser: intrusion alert and sessions', () => {
  test('an officer probing refused pages raises an alert the unit admin opens and resolves; the admin signs out other sessions', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const admin = await makeUser(UNITS.sapa, ['admin'])
    const officer = await makeUser(UNITS.sapa, ['officer'])

    const probe = await visit('/login')
    await probe.fill('#email', officer.email)
    await probe.fill('#password', TEST_PASSWORD)
    await probe.click('#login-submit')
    await probe.waitForURL('**/')
    for (let i = 0; i < 10; i++) await probe.goto('/users')
    await probe.assertTextContains('body', 'Không có quyền truy cập')

    await browserContext.clearCookies()
    const other = await browserContext.newPage()
    await other.goto('/login')
    await other.fill('#email', admin.email)
    await other.fill('#password', TEST_PASSWORD)
    await other.click('#login-submit')
    await other.waitForURL('**/')
    await browserContext.clearCookies()

    const page = await visit('/login')
    await page.fill('#email', admin.email)
    await page.fill('#password', TEST_PASSWORD)
    await page.click('#login-submit')
    await page.waitForURL('**/')
    await page.goto('/security/alerts')
    await page.assertTextContains('#alert-list', officer.email)
    await page.click('#alert-list a')
    await page.assertTextContains('body', 'Bị từ chối truy cập nhiều lần')
    await page.click('#alert-acknowledge')
    await page.assertTextContains('body', 'Đã xác nhận cảnh báo.')
    await page.fill('input[name="note"]', 'Đã làm việc với chấp hành viên')
    await page.click('#alert-resolve')
    await page.assertTextContains('body', 'Đã đánh dấu cảnh báo là đã xử lý.')
    const alert = await db.from('security_alerts').where('user_id', officer.id).first()
    assert.equal(alert.status, 'resolved')

    await page.goto('/account/sessions')
    await page.assertTextContains('#my-sessions', 'Phiên này')
    await page.click('#end-other-sessions')
    await page.assertTextContains('body', 'Đã đăng xuất 1 phiên khác.')
    const rows = await db.from('sessions').where('user_id', String(admin.id))
    assert.lengthOf(rows, 1)
  })
})
