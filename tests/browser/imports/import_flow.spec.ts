import { test } from '@japa/runner'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright'
import db from '@adonisjs/lucid/services/db'
import { ComputeReport } from '#reporting'
import { makeUser, TEST_PASSWORD } from '#tests/helpers/factories'
import type { User } from '#accounts'
import { world, csv, caseRows } from '#tests/functional/imports/_helpers'

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

test.group('browser: historical import', () => {
  test('statistician uploads, reads the dry-run report, fixes the file; the head confirms; progress; the forms change', async ({
    visit,
    assert,
  }) => {
    const w = await world()
    const inspector = await makeUser('TC', ['inspector'])
    const good = [
      ...caseRows(w, 'B1', {
        extra: [
          {
            row_type: 'event',
            event_type: 'no_conditions',
            date: '2020-06-01',
            legal_ground: '44a.1.b',
          },
        ],
        decided: '2020-03-02',
      }),
      ...caseRows(w, 'B2', { decided: '2021-02-01' }),
    ]
    const bad = [
      ...good,
      ...caseRows(w, 'B3', {
        decided: '2021-02-01',
        extra: [
          {
            row_type: 'money',
            kind: 'collected',
            date: '2021-03-01',
            amount: '99000000',
            receipt_number: 'X',
          },
        ],
      }),
    ]
    const badPath = join(tmpdir(), `import-bad-${w.district.code}.csv`)
    const goodPath = join(tmpdir(), `import-good-${w.district.code}.csv`)
    writeFileSync(badPath, csv(bad))
    writeFileSync(goodPath, csv(good))
    const form = async () =>
      (
        await new ComputeReport().handle(inspector, {
          form: 'form-06-cases',
          unit: w.district.code,
          year: 2021,
          period: 12,
        })
      ).form.rows
    const before = JSON.stringify(await form())

    const page = await visit('/login')
    await login(page, w.provinceStat)
    await page.goto('/imports')
    await page.assertExists('#template-xlsx')
    await page.setInputFiles('#import-upload input[type="file"]', badPath)
    await page.click('#import-submit')
    await page.waitForURL(/\/imports\/\d+$/)
    // the upload answers at once; the batch page refreshes itself until the background dry run is done
    await page.waitForSelector('#import-status[data-status="checked"]', { timeout: 30_000 })
    await page.assertTextContains('#sum-rejected', '1')
    await page.assertTextContains('#import-errors', 'vượt quá số còn phải thi hành')
    await page.assertNotExists('#import-confirm')
    // fix the file and upload it again
    await page.goto('/imports')
    await page.setInputFiles('#import-upload input[type="file"]', goodPath)
    await page.click('#import-submit')
    await page.waitForURL(/\/imports\/\d+$/)
    const batchUrl = new URL(page.url()).pathname
    await page.waitForSelector('#import-status[data-status="checked"]', { timeout: 30_000 })
    await page.assertTextContains('#sum-create', '2')
    await page.assertTextContains('#import-status', 'Đã kiểm tra thử')
    await logout(page)

    await login(page, w.head)
    await page.goto(batchUrl)
    page.once('dialog', (dialog) => dialog.accept())
    await page.click('#import-confirm')
    await page.waitForURL(batchUrl)
    await page.waitForSelector('#import-status[data-status="committed"]', { timeout: 30_000 })
    assert.equal(await page.getAttribute('#import-progress', 'value'), '100')
    const batch = await db
      .from('import_batches')
      .where('id', Number(batchUrl.split('/').pop()))
      .first()
    assert.equal(batch.status, 'committed')
    assert.notEqual(JSON.stringify(await form()), before, 'form 06 of the closed year changed')
  })
})
