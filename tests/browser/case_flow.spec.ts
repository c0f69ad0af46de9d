import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { makeUser, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'
import type { User } from '#accounts'

async function login(page: Page, user: User) {
  await page.goto('/login')
  await page.fill('#email', user.email)
  await page.fill('#password', TEST_PASSWORD)
  await page.click('#login-submit')
  await page.waitForURL((url) => url.pathname === '/')
}

async function logout(page: Page) {
  await page.click('#logout')
  await page.waitForURL('**/login')
}

/** Opens an action of the case page (a <details> block) and returns its form. */
async function openAction(page: Page, action: string) {
  const block = page.locator(`details[data-action="${action}"]`)
  await block.locator('summary').click()
  return block.locator('form')
}

test.group('browser: a case from judgment to completion', () => {
  test('clerk registers and drafts, head approves and assigns, officer verifies, collects, pays out and completes', async ({
    visit,
    assert,
  }) => {
    // Real clock: every date field keeps today's default.
    const clerk = await makeUser(UNITS.sapa, ['intake_clerk'])
    const head = await makeUser(UNITS.sapa, ['head'])
    const officer = await makeUser(UNITS.sapa, ['officer'])
    const number = `${Date.now() % 100000}/2026/DS-ST`

    const page = await visit('/login')
    await login(page, clerk)
    await page.click('a[data-nav="judgments.index"]')
    await page.click('#new-judgment')
    await page.fill('input[name="number"]', number)
    const today = await page.inputValue('input[name="received_on"]')
    await page.fill('input[name="judgment_date"]', today)
    await page.fill('input[name="court"]', 'TAND huyện Sa Pa')
    await page.selectOption('select[name="type"]', 'civil')
    await page.click('#judgment-submit')
    await page.waitForURL('**/judgments')
    await page.locator('tr', { hasText: number }).locator('a[href*="judgment_id"]').click()
    await page.waitForURL('**/decisions/new**')
    await page.fill('input[name="parties[0][name]"]', 'Vàng A Nợ')
    await page.fill('input[name="parties[1][name]"]', 'Lò Thị Có')
    await page.fill('input[name="obligations[0][description]"]', 'Trả tiền bồi thường')
    await page.fill('input[name="obligations[0][amount]"]', '3500000')
    await page.click('#draft-save-submit')
    await page.waitForURL(/\/decisions\/\d+$/)
    await page.assertTextContains('#draft-status', 'Chờ phê duyệt')
    const draftUrl = new URL(page.url()).pathname
    await logout(page)

    await login(page, head)
    await page.goto(draftUrl)
    await page.selectOption('#approve select[name="officer_id"]', String(officer.id))
    await page.click('#draft-approve')
    await page.waitForURL(/\/cases\/\d+$/)
    const caseUrl = new URL(page.url()).pathname
    await page.assertTextContains('#case-officer', officer.fullName)
    await page.assertTextContains('#case-remaining', '3.500.000')
    await logout(page)

    await login(page, officer)
    await page.goto(caseUrl)
    let form = await openAction(page, 'verified')
    await form.locator('select[name="result"]').selectOption('has_conditions')
    await form.locator('button[type="submit"]').click()
    await page.waitForURL(caseUrl)
    await page.assertExists('#case-timeline tr[data-event="verified"]')

    form = await openAction(page, 'collected')
    await form.locator('input[name="amount"]').fill('3500000')
    await form.locator('input[name="receipt_number"]').fill('BL-0001')
    await form.locator('button[type="submit"]').click()
    await page.waitForURL(caseUrl)
    await page.assertTextContains('#case-remaining', '0')
    await page.assertTextContains('#case-held', '3.500.000')
    await page.assertTextContains('#case-ledger', 'BL-0001')

    form = await openAction(page, 'paid_out')
    await form.locator('input[name="amount"]').fill('3500000')
    await form.locator('select[name="payee"]').selectOption('creditor')
    await form.locator('button[type="submit"]').click()
    await page.waitForURL(caseUrl)
    await page.assertTextContains('#case-held', '0')

    form = await openAction(page, 'completed')
    await form.locator('button[type="submit"]').click()
    await page.waitForURL(caseUrl)
    await page.assertTextContains('#case-status', 'Thi hành xong')
    assert.equal((await page.textContent('#case-remaining'))!.trim(), '0')
    assert.equal((await page.textContent('#case-held'))!.trim(), '0')
    await page.assertExists('#case-timeline tr[data-event="completed"]')
    // The deadline panel shows the verification as done.
    await page.assertExists('#deadline-list tr[data-deadline="verification"][data-state="met"]')
  })
})
