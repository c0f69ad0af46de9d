/**
 * In Chromium, as a province statistician: enter a district's paper figures through the form (one mistyped
 * figure refused next to its field, what was typed kept), then read the comparison — differences, status, the
 * gap chart drawn by the shared chart component and its table with the same figures — and export it as Excel.
 */
import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { makeUser, TEST_PASSWORD } from '#tests/helpers/factories'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'

test.group('browser: reconciliation', () => {
  test('a statistician enters paper figures and sees the comparison with its gaps and charts', async ({
    visit,
    assert,
  }) => {
    const { province, districts } = await makeProvinceTree(2)
    const [d1] = districts
    await writeCase(d1, '2021-11-05', [{ day: '2022-01-10', status: 'completed' }])
    await writeCase(d1, '2021-11-06', [])
    const user = await makeUser(province.code, ['statistician'])

    const page = await visit('/login')
    await page.fill('#email', user.email)
    await page.fill('#password', TEST_PASSWORD)
    await page.click('#login-submit')
    await page.waitForURL((url) => url.pathname === '/')
    await page.click('a[data-nav="reconciliation.index"]')
    await page.waitForURL('**/reconciliation')
    await page.click('#enter-figures')

    await page.selectOption('#figures-unit', d1.code)
    await page.fill('input[name="year"]', '2022')
    await page.selectOption('select[name="period"]', '6')
    const figures: Record<string, string> = {
      f06_c1: '5',
      f06_c3: '5',
      f06_c4: '0',
      f06_c6: '5',
      f06_c8: '2',
      f06_c14: '0',
      f07_c1: '0',
      f07_c3: '0',
      f07_c4: '0',
      f07_c6: '0',
      f07_c8: '0',
      f07_c14: '0',
    }
    for (const [k, v] of Object.entries(figures)) await page.fill(`input[name="${k}"]`, v)
    // Mistyped: newly accepted above the total → refused next to the field, the rest kept
    await page.fill('input[name="f06_c3"]', '9')
    await page.click('#figures-submit')
    await page.waitForSelector('#f06_c3-error')
    assert.equal(await page.inputValue('input[name="f06_c1"]'), '5')
    await page.fill('input[name="f06_c3"]', '5')
    await page.click('#figures-submit')
    await page.waitForURL('**/reconciliation?**')
    assert.include(page.url(), 'year=2022')

    const row = page.locator(`#comparison-06 tr[data-row="${d1.code}"]`)
    await row.waitFor()
    assert.equal((await row.locator('td[data-diff="f06_c1"]').innerText()).trim(), '3')
    assert.equal((await row.locator('td[data-diff="f06_c8"]').innerText()).trim(), '1')
    assert.equal(await row.locator('td[data-status]').getAttribute('data-status'), 'incomplete')
    await page.assertTextContains('#list-incomplete', d1.name)

    // The chart component: the canvas is drawn by Chart.js, the table underneath has the same figures
    await page.waitForFunction(
      "(() => { const c = document.querySelector('#chart-gaps canvas'); return Boolean(c && window.Chart && window.Chart.getChart(c)) })()"
    )
    const box = await page.locator('#chart-gaps canvas').boundingBox()
    assert.isAbove(box?.height ?? 0, 0)
    await page.click('#chart-gaps summary')
    const chartRow = page.locator('#chart-gaps tbody tr', { hasText: d1.name })
    assert.equal((await chartRow.locator('td').first().innerText()).trim(), '3')
    await page.locator('#chart-progress canvas').waitFor()

    // Exported through the export plugin; the drill-down opens the software's cases behind the figure
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-06-xlsx'),
    ])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await readFile((await excel.path())!)) as any)
    assert.isAbove(wb.worksheets[0].rowCount, 3)
    await row.locator('td[data-diff="f06_c1"] a').click()
    await page.waitForURL('**/reports/forms/form-06-cases/cell?**')
  })
})
