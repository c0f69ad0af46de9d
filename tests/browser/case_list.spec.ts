/**
 * In Chromium, as a district head would: the case list sorts by a column header, pages forward and back by
 * keyset cursor, and a filter is saved and applied from "Bộ lọc đã lưu".
 */
import { test } from '@japa/runner'
import { makeUser, TEST_PASSWORD, UNITS } from '#tests/helpers/factories'
import { acceptedCase, day, pinClock } from '../functional/cases/_setup.js'

test.group('browser: case list', (group) => {
  pinClock(group)

  test('a head sorts by a column, pages by cursor and saves a filter', async ({
    visit,
    assert,
  }) => {
    const unit = UNITS.caugiay
    for (let i = 0; i < 3; i++)
      await acceptedCase({ unit, decisionDate: day(i), amount: (i + 1) * 1_000_000 })
    const head = await makeUser(unit, ['head'])

    const page = await visit('/login')
    await page.fill('#email', head.email)
    await page.fill('#password', TEST_PASSWORD)
    await page.click('#login-submit')
    await page.waitForURL((url) => url.pathname === '/')

    await page.goto('/cases?per_page=2')
    await page.click('th[data-sort="remaining"] a')
    await page.waitForURL((url) => url.searchParams.get('sort') === 'remaining')
    assert.equal(await page.getAttribute('th[data-sort="remaining"]', 'aria-sort'), 'descending')
    const first = await page.locator('#case-list tbody tr').count()
    assert.equal(first, 2)
    assert.include(await page.textContent('#case-pager'), 'Trang 1/')

    await page.click('#case-pager-next')
    await page.waitForURL((url) => url.searchParams.has('after'))
    assert.include(await page.textContent('#case-pager'), 'Trang 2/')
    await page.click('#case-pager a[rel="prev"]')
    await page.waitForURL((url) => !url.searchParams.has('after'))
    assert.include(await page.textContent('#case-pager'), 'Trang 1/')

    await page.click('#saved-filters summary')
    await page.fill('#save-filter input[name="name"]', 'Nhiều tiền trước')
    await page.click('#save-filter button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/cases')
    assert.include(await page.textContent('#saved-filters'), 'Nhiều tiền trước')
    await page.goto('/cases')
    await page.click('#saved-filters a:has-text("Nhiều tiền trước")')
    await page.waitForURL((url) => url.searchParams.get('sort') === 'remaining')
    assert.equal(await page.getAttribute('th[data-sort="remaining"]', 'aria-sort'), 'descending')
  })
})
