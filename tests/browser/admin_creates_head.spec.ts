import { test } from '@japa/runner'
import { makeUser, unitByCode, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'

test.group('browser: account lifecycle', () => {
  test('the national admin creates a province head, who must change the password at first login', async ({
    visit,
    assert,
  }) => {
    const admin = await makeUser(UNITS.national, ['admin'])
    const camau = await unitByCode(UNITS.camau)
    const email = `head-${Date.now()}@test.thads`

    const page = await visit('/login')
    await page.fill('#email', admin.email)
    await page.fill('#password', TEST_PASSWORD)
    await page.click('#login-submit')
    await page.waitForURL('**/')
    await page.click('a[data-nav="users.index"]')
    await page.click('#new-user')
    await page.fill('#email', email)
    await page.fill('#full_name', 'Trần Văn Thủ Trưởng')
    await page.selectOption('#unit_id', String(camau.id))
    // Only roles the admin may grant in that unit are offered: a national inspector is not.
    assert.isTrue(await page.isDisabled('input[name="roles[]"][value="inspector"]'))
    await page.check('input[name="roles[]"][value="head"]')
    await page.click('#user-submit')
    await page.waitForSelector('#temporary-password')
    const temporary = (await page.textContent('#temporary-password'))!.trim()
    assert.lengthOf(temporary, 12)
    await page.click('#logout')
    await page.waitForURL('**/login')

    await page.fill('#email', email)
    await page.fill('#password', temporary)
    await page.click('#login-submit')
    await page.waitForURL('**/account/password')
    await page.assertTextContains('body', 'Bạn phải đổi mật khẩu')
    // Going elsewhere first is not possible.
    await page.goto('/units')
    await page.waitForURL('**/account/password')

    await page.fill('#current_password', temporary)
    await page.fill('#password', 'weak')
    await page.fill('#password_confirmation', 'weak')
    await page.click('#password-submit')
    await page.assertTextContains('body', 'ít nhất 8 ký tự')

    await page.fill('#current_password', temporary)
    await page.fill('#password', 'CaMau@2026!')
    await page.fill('#password_confirmation', 'CaMau@2026!')
    await page.click('#password-submit')
    await page.waitForURL((url) => url.pathname === '/')
    await page.assertTextContains('body', 'Trần Văn Thủ Trưởng')
    await page.assertTextContains('body', 'Thủ trưởng')
  })
})
