/**
 * Issue 11: every role's daily work from the first screen, at district, province and national level, in
 * Chromium. Each landing page must say what it should in Vietnamese with no English left; the main pages are
 * photographed at 1,366 px and 390 px (tmp/screens/) and the case list and case page must not scroll sideways
 * on a phone.
 */
import { test } from '@japa/runner'
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright'
import type { User } from '#accounts'
import { CreateJudgment, RecordCollection } from '#cases'
import { addDays, today } from '#core'
import { makeUser, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'
import { acceptedCase, day } from '../functional/cases/_setup.js'

const SHOTS = 'tmp/screens'
mkdirSync(SHOTS, { recursive: true })

/** English words that must not be left on a Vietnamese page (the language switch's "English" is allowed). */
const ENGLISH =
  /\b(the|and|please|could|not|saved|unauthorized|access|error|errors|submit|dashboard|loading|form|below|cancel|delete|search|save|details|page|user|case)\b/i

async function login(page: Page, user: User, expectPath = '/') {
  await page.goto('/login')
  await page.fill('#email', user.email)
  await page.fill('#password', TEST_PASSWORD)
  await page.click('#login-submit')
  await page.waitForURL((url) => url.pathname === expectPath)
}

async function logout(page: Page) {
  await page.click('#logout')
  await page.waitForURL('**/login')
}

/** The visible text of the page without the language switch. */
async function visibleText(page: Page) {
  return page.evaluate<string>(`(() => {
    const clone = document.body.cloneNode(true)
    clone.querySelectorAll('select[name="locale"], script, template, noscript').forEach((e) => e.remove())
    document.body.appendChild(clone)
    const text = clone.innerText
    clone.remove()
    return text
  })()`)
}

async function assertVietnameseOnly(page: Page, assert: any, where: string) {
  const text = await visibleText(page)
  const hit = text.match(ENGLISH)
  assert.isNull(
    hit,
    `English left on ${where}: "${hit?.[0]}" in …${hit ? text.slice(Math.max(0, hit.index! - 40), hit.index! + 40) : ''}…`
  )
  assert.notInclude(text, 'undefined')
  assert.notInclude(text, 'NaN')
}

async function noSidewaysScroll(page: Page) {
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1')
}

async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1366, height: 900 })
}

test.group('browser: each role daily work, in Vietnamese, on a laptop and a phone', () => {
  test('district: clerk drafts with added rows, keeps them on a refusal; head approves from the inbox', async ({
    visit,
    assert,
  }) => {
    const clerk = await makeUser(UNITS.sapa, ['intake_clerk'])
    const head = await makeUser(UNITS.sapa, ['head'])
    await makeUser(UNITS.sapa, ['officer'])
    const judgment = await new CreateJudgment().handle(clerk, {
      number: `${Date.now() % 100000}/2026/DS-ST`,
      judgmentDate: addDays(today(), -5),
      court: 'TAND huyện Sa Pa',
      type: 'civil',
      receivedOn: today(),
    })
    const page = await visit('/login')
    await page.setViewportSize({ width: 1366, height: 900 })

    // A deep link followed before login comes back after it.
    await page.goto('/decisions/new')
    await page.waitForURL('**/login')
    await assertVietnameseOnly(page, assert, 'login page')
    await login(page, clerk, '/decisions/new')
    await assertVietnameseOnly(page, assert, 'draft form')
    await page.selectOption('select[name="judgment_id"]', String(judgment.id))
    await page.fill('input[name="parties[0][name]"]', 'Giàng A Nợ')
    await page.fill('input[name="parties[1][name]"]', 'Lò Thị Có')
    await page.click('[data-add-row="party-row-template"]')
    await page.fill('input[name="parties[2][name]"]', 'Sùng Văn Liên Quan')
    await page.fill('input[name="obligations[0][description]"]', 'Trả tiền bồi thường')
    await page.fill('input[name="obligations[0][amount]"]', '-100')
    await page.click('[data-add-row="obligation-row-template"]')
    await page.fill('input[name="obligations[2][description]"]', 'Trả lại giấy tờ nhà')
    await page
      .locator('#obligation-rows select[name="obligations[2][kind]"]')
      .selectOption('non_money')
    await shoot(page, 'draft-form')
    await page.click('#draft-save')
    await page.waitForLoadState('load')
    assert.equal(await page.inputValue('input[name="parties[2][name]"]'), 'Sùng Văn Liên Quan')
    assert.equal(await page.inputValue('input[name="obligations[0][amount]"]'), '-100')
    await page.assertExists('#obligations\\.0\\.amount-error')
    await assertVietnameseOnly(page, assert, 'refused draft form')
    await page.fill('input[name="obligations[0][amount]"]', '2500000')
    await page.click('#draft-save-submit')
    await page.waitForURL(/\/decisions\/\d+$/)
    await page.assertTextContains('#draft-status', 'Chờ phê duyệt')
    const draftPath = new URL(page.url()).pathname
    await logout(page)

    await login(page, head)
    await assertVietnameseOnly(page, assert, 'head dashboard')
    await page.assertExists('[data-widget="ui.inbox"]')
    await shoot(page, 'dashboard-head')
    await page.click('a[data-nav="inbox.index"]')
    await page.waitForURL('**/inbox')
    await assertVietnameseOnly(page, assert, 'inbox')
    await shoot(page, 'inbox-head')
    await page.click(`#inbox-items li[data-kind="approval"] a[href="${draftPath}"]`)
    await page.waitForURL(`**${draftPath}`)
    await page.click('#draft-approve')
    await page.waitForURL(/\/cases\/\d+$/)
    await page.assertTextContains('#case-remaining', '2.500.000')
    // Three parties were kept, including the row added with the button.
    await page.assertTextContains('#case-parties', 'Sùng Văn Liên Quan')
    await page.assertTextContains('#case-obligations', 'Trả lại giấy tờ nhà')
  })

  test('district: officer sees the money to enforce, finds a case without diacritics, prints a receipt', async ({
    visit,
    assert,
  }) => {
    const debtor = `Đoàn Thị Hạnh ${Date.now() % 10000}`
    const { c, officer } = await acceptedCase({ unit: UNITS.badinh, amount: 7_500_000, debtor })
    await new RecordCollection().handle(officer, c.id, {
      amount: 1_005_000,
      effectiveDate: day(2),
      receiptNumber: 'BL-2026-0001',
    } as any)
    const page = await visit('/login')
    await page.setViewportSize({ width: 1366, height: 900 })
    await login(page, officer)
    await page.assertTextContains('[data-widget="cases.mine"]', '6.495.000')
    await assertVietnameseOnly(page, assert, 'officer dashboard')
    await shoot(page, 'dashboard-officer')

    await page.fill('#header-search', `doan thi hanh ${debtor.split(' ').pop()}`)
    await page.press('#header-search', 'Enter')
    await page.waitForURL('**/search?**')
    await page.assertExists(`#search-results a[href="/cases/${c.id}"]`)
    await assertVietnameseOnly(page, assert, 'search results')
    await shoot(page, 'search')

    await page.click(`#search-results a[href="/cases/${c.id}"]`)
    await page.waitForURL(`**/cases/${c.id}`)
    await assertVietnameseOnly(page, assert, 'case page')
    await shoot(page, 'case-page')
    await page.setViewportSize({ width: 390, height: 844 })
    assert.isTrue(await noSidewaysScroll(page), 'case page scrolls sideways at 390 px')
    await page.goto('/cases/mine')
    assert.isTrue(await noSidewaysScroll(page), 'my case list scrolls sideways at 390 px')
    await page.setViewportSize({ width: 1366, height: 900 })
    await shoot(page, 'case-list-mine')

    await page.goto(`/cases/${c.id}`)
    await page.locator('[data-receipt]').first().click()
    await page.waitForURL('**/receipt')
    await page.assertTextContains('#receipt-words', 'Một triệu không trăm lẻ năm nghìn đồng')
    await assertVietnameseOnly(page, assert, 'receipt')
    await shoot(page, 'receipt')
  })

  test('province: statistician opens the forms from the dashboard with the default row layout', async ({
    visit,
    assert,
  }) => {
    await acceptedCase({ unit: UNITS.caugiay })
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const page = await visit('/login')
    await page.setViewportSize({ width: 1366, height: 900 })
    await login(page, user)
    await page.assertTextContains('#current-period', 'Kỳ thống kê hiện tại')
    await page.assertExists('#chart-intake canvas')
    await assertVietnameseOnly(page, assert, 'statistician dashboard')
    await shoot(page, 'dashboard-statistician-province')
    await page.click('[data-widget="ui.overview"] footer a:first-child')
    await page.waitForURL('**/reports**')
    await page.click('#report-chooser button[type="submit"]')
    await page.waitForURL('**/reports/forms/**')
    await page.assertExists('#form-table')
    await assertVietnameseOnly(page, assert, 'statistical form')
    await page.goto(page.url().replace(/forms\/[a-z0-9-]+/, 'forms/form-07-money'))
    await page.assertExists('#form-table')
    // At 1,366 px every column of form 07 is on screen (nothing hidden beyond the right edge).
    const lastVisible = await page.evaluate<boolean>(`(() => {
      const cells = document.querySelectorAll('#form-table thead tr:last-child th')
      const last = cells[cells.length - 1]
      return last ? last.getBoundingClientRect().right <= window.innerWidth : false
    })()`)
    assert.isTrue(lastVisible, 'form 07 fits 1,366 px')
    await shoot(page, 'form-07')
  })

  test('national: inspector sees the national overview and a readable audit trail', async ({
    visit,
    assert,
  }) => {
    await acceptedCase({ unit: UNITS.camau })
    const inspector = await makeUser(UNITS.national, ['inspector'])
    const page = await visit('/login')
    await page.setViewportSize({ width: 1366, height: 900 })
    await login(page, inspector)
    await page.assertTextContains('[data-widget="ui.overview"]', 'Tổng quan')
    await assertVietnameseOnly(page, assert, 'inspector dashboard')
    await shoot(page, 'dashboard-inspector-national')
    await page.goto('/audit')
    await page.assertExists('#audit-table')
    const width = await page.evaluate<number>('document.documentElement.scrollWidth')
    assert.isAtMost(width, 1366, 'audit viewer fits 1,366 px')
    await shoot(page, 'audit')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/')
    // The phone menu is folded behind one button.
    assert.isFalse(await page.locator('.nav-links').isVisible())
    await page.click('.nav-toggle-label')
    assert.isTrue(await page.locator('.nav-links').isVisible())
    await page.goto('/cases')
    assert.isTrue(await noSidewaysScroll(page), 'case list scrolls sideways at 390 px')
  })

  test('national: statistician and admin land on pages with work to do, in Vietnamese', async ({
    visit,
    assert,
  }) => {
    for (const roles of [['statistician'], ['admin']] as const) {
      const user = await makeUser(UNITS.national, [...roles])
      const page = await visit('/login')
      await page.setViewportSize({ width: 1366, height: 900 })
      await login(page, user)
      await page.assertExists('[data-widget="ui.overview"]')
      await assertVietnameseOnly(page, assert, `${roles[0]} national dashboard`)
      await shoot(page, `dashboard-${roles[0]}-national`)
      await logout(page)
    }
  })
})
