/**
 * In Chromium, as a statistician would: the form page's export menu downloads the official Excel; a list
 * report is queued as CSV, the "my exports" page refreshes itself until the file is ready, then downloads it.
 */
import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import drive from '@adonisjs/drive/services/main'
import { makeUser, TEST_PASSWORD } from '#tests/helpers/factories'
import ExportJob from '#reporting/exports/models/export_job'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'

test.group('browser: exports', () => {
  test('a statistician downloads form 06 from the export menu and a list report through a background job', async ({
    visit,
    assert,
    cleanup,
  }) => {
    const { province, districts } = await makeProvinceTree(1)
    await writeCase(
      districts[0],
      '2024-11-03',
      [{ day: '2024-11-03', money: [['obligation', 3_000_000]] }],
      { number: 'BR-EXPORT-1' }
    )
    const user = await makeUser(province.code, ['statistician'])
    cleanup(async () => {
      for (const job of await ExportJob.query().where('user_id', user.id).whereNotNull('file_path'))
        await drive.use('fs').delete(job.filePath!)
    })

    const page = await visit('/login')
    await page.fill('#email', user.email)
    await page.fill('#password', TEST_PASSWORD)
    await page.click('#login-submit')
    await page.waitForURL((url) => url.pathname === '/')

    await page.goto(`/reports/forms/form-06-cases?unit=${province.code}&year=2025&period=6`)
    await page.click('#export-menu summary')
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-menu a[data-export="xlsx"]'),
    ])
    assert.equal(excel.suggestedFilename(), `form-06-cases_${province.code}_2025-06.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await readFile((await excel.path())!)) as any)
    assert.equal(wb.worksheets[0].getCell('F1').value, 'KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG VIỆC')

    await page.goto(
      `/reports/forms/report-unexecuted-cases?unit=${province.code}&year=2025&period=6`
    )
    await page.click('#export-list button[data-export="csv"]')
    await page.waitForURL('**/reports/exports')
    await page.assertTextContains('body', 'Đã đưa yêu cầu xuất tệp vào hàng đợi')
    // The page refreshes itself (meta refresh) until the link appears.
    const link = page.locator('a[data-download]').first()
    await link.waitFor({ timeout: 20_000 })
    const [csv] = await Promise.all([page.waitForEvent('download'), link.click()])
    const text = await readFile((await csv.path())!, 'utf8')
    assert.isTrue(text.startsWith('\uFEFFSố quyết định,'))
    assert.include(text, 'BR-EXPORT-1')
  })
})
