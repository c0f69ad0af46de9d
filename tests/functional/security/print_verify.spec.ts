import { test } from '@japa/runner'
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import { createCheckpoint } from '#audit'
import { closePdfBrowser } from '#reporting/exports/services/pdf_browser'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { Q, workbook } from '../exports/helpers.js'
import { CHROMIUM_PATH } from '#tests/bootstrap'

const CAN_PDF = existsSync('/usr/bin/pdftotext') && existsSync(CHROMIUM_PATH)

/** The verification address printed on the sheet (the QR code encodes the same). */
async function printedUrl(body: Buffer): Promise<URL> {
  const ws = (await workbook(body)).worksheets[0]
  let found: string | null = null
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const text = String(cell.value ?? '')
      if (text.includes('/verify/')) found = text
    })
  )
  if (!found) throw new Error('no verification address on the sheet')
  return new URL(found)
}

test.group('printed forms: snapshot hash, checkpoint, QR verification page', (group) => {
  group.teardown(() => closePdfBrowser())

  test('an Excel form 06 carries hash, checkpoint and QR; the public page accepts it and rejects a changed one', async ({
    client,
    assert,
  }) => {
    const checkpoint = await createCheckpoint()
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const response = await as(
      client.get(`/reports/forms/form-06-cases/export?format=xlsx&unit=${UNITS.hanoi}&${Q}`),
      user
    )
    response.assertStatus(200)
    const wb = await workbook(response.body())
    const ws = wb.worksheets[0]
    const texts: string[] = []
    ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))))
    const all = texts.join('\n')
    const url = await printedUrl(response.body())
    const hash = url.searchParams.get('h')!
    assert.match(hash, /^[0-9a-f]{64}$/)
    assert.include(all, `Mã băm dữ liệu báo cáo (SHA-256): ${hash}`)
    assert.include(all, `#${checkpoint.id} · ${checkpoint.digest.slice(0, 16)}`)
    assert.isAtLeast((wb as any).media.length, 1, 'the QR code image')
    const stored = await db.from('printed_reports').where('sha256', hash).first()
    assert.equal(stored.form_id, 'form-06-cases')

    // Genuine: the page (no sign-in) says it matches.
    const genuine = await client.get(url.pathname + url.search)
    genuine.assertStatus(200)
    assert.include(genuine.text(), 'data-state="match"')
    assert.include(genuine.text(), 'KHỚP với dữ liệu báo cáo đã lưu')
    assert.notInclude(genuine.text(), stored.snapshot.slice(0, 40))

    // Changed: a printout whose hash differs (its figures were changed) is rejected.
    const forged = hash.slice(0, -1) + (hash.endsWith('0') ? '1' : '0')
    const changed = await client.get(`${url.pathname}?h=${forged}`)
    changed.assertStatus(409)
    assert.include(changed.text(), 'data-state="mismatch"')
    // An unknown code says so, without telling anything else.
    ;(await client.get(`/verify/${'0'.repeat(32)}?h=${hash}`)).assertStatus(404)
  })

  test('the stored snapshot edited after printing is reported as changed', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const response = await as(
      client.get(`/reports/forms/form-07-money/export?format=xlsx&unit=${UNITS.hanoi}&${Q}`),
      user
    )
    const url = await printedUrl(response.body())
    const token = url.pathname.split('/').pop()
    const row = await db.from('printed_reports').where('token', token!).first()
    await db
      .from('printed_reports')
      .where('id', row.id)
      .update({ snapshot: row.snapshot.replace('"year":2025', '"year":2024') })
    const page = await client.get(url.pathname + url.search)
    page.assertStatus(409)
    assert.include(page.text(), 'data-state="corrupted"')
  })

  test('the PDF of form 06 prints the hash and the verification address', async ({
    client,
    assert,
  }) => {
    if (!CAN_PDF) return assert.isTrue(true)
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const response = await as(
      client.get(`/reports/forms/form-06-cases/export?format=pdf&unit=${UNITS.hanoi}&${Q}`),
      user
    )
    response.assertStatus(200)
    const dir = await mkdtemp(join(tmpdir(), 'thads-verify-'))
    try {
      const file = join(dir, 'form.pdf')
      await writeFile(file, response.body())
      const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
      })
      const stored = await db
        .from('printed_reports')
        .where('format', 'pdf')
        .orderBy('id', 'desc')
        .first()
      assert.include(text.replace(/\s+/g, ''), stored.sha256)
      assert.include(text, '/verify/')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
