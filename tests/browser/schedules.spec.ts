import { test } from '@japa/runner'
import { makeUser, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'

test.group('browser: scheduled summaries', () => {
  test('a statistician schedules form 06 monthly, previews the e-mail and runs it now', async ({
    visit,
    assert,
  }) => {
    const user = await makeUser(UNITS.badinh, ['statistician'])
    const page = await visit('/login')
    await page.fill('#email', user.email)
    await page.fill('#password', TEST_PASSWORD)
    await page.click('#login-submit')
    await page.waitForURL('**/')
    await page.click('a[data-nav="schedules.index"]')
    await page.click('a[href="/schedules/new"]')
    await page.fill('#name', 'Biểu 06 hằng tháng (trình duyệt)')
    await page.selectOption('#report', 'form:form-06-cases')
    await page.fill('#cron', '0 7 1 * *')
    await page.click('#schedule-submit')
    await page.waitForSelector('#next-runs')
    assert.lengthOf(await page.locator('#next-runs li').all(), 5)
    await page.assertTextContains('#cron-words', 'lúc 07:00')

    await page.click('#preview')
    await page.waitForSelector('#mail-subject')
    await page.assertTextContains('#mail-subject', '[THADS]')
    await page.assertTextContains('#mail-preview', user.email)
    await page.goBack()

    await page.click('#run-now')
    await page.waitForSelector('#runs tr[data-status]')
    assert.equal(await page.getAttribute('#runs tr[data-status]', 'data-status'), 'sent')
  })
})
