/**
 * Printed submissions carry the verification too (issue 9): PDF and Excel of a submission's immutable snapshot
 * with its SHA-256, the latest checkpoint and a QR code of the public page, which says whether the printout
 * matches the stored submission and whether a newer version replaced it.
 */
import { test } from '@japa/runner'
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { createCheckpoint } from '#audit'
import { closePdfBrowser } from '#reporting/exports/services/pdf_browser'
import { writeCase } from '#database/synthetic/fixtures'
import { as } from '#tests/helpers/factories'
import { CHROMIUM_PATH } from '#tests/bootstrap'
import { workbook } from '../exports/helpers.js'
import { decide, denials, newestRow, staff, submit, tree } from '../submissions/helpers.js'

const CAN_PDF = existsSync('/usr/bin/pdftotext') && existsSync(CHROMIUM_PATH)
const P6 = { year: 2025, period: 6 }

async function submitted() {
  const { province, districts } = await tree(1)
  const district = districts[0]
  const officer = await staff(district.code, ['officer'])
  await writeCase(district, '2025-02-10', [{ day: '2025-02-10', officer: officer.id }])
  const statistician = await staff(district.code, ['statistician'])
  return { province, district, statistician }
}

async function sheetTexts(body: Buffer) {
  const wb = await workbook(body)
  const texts: string[] = []
  wb.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))))
  return { wb, all: texts.join('\n'), url: new URL(texts.find((x) => x.includes('/verify/'))!) }
}

test.group('printed submissions: hash, checkpoint, QR and the verification page', (group) => {
  group.each.setup(() => {
    setToday('2025-04-01') // period 6 of 2025 ended on 31/03
    return () => setToday(null)
  })
  group.teardown(() => closePdfBrowser())

  test('Excel of a submission: its own hash, the checkpoint, the QR; the page says current, then replaced', async ({
    client,
    assert,
  }) => {
    const { province, district, statistician } = await submitted()
    ;(await submit(client, statistician, { unit: district.code, ...P6 })).assertStatus(302)
    const v1 = await newestRow(district.id)
    const checkpoint = await createCheckpoint()

    const page = await as(client.get(`/periods/submissions/${v1.id}`), statistician)
    assert.include(page.text(), `/periods/submissions/${v1.id}/print/xlsx`)
    assert.include(page.text(), `/periods/submissions/${v1.id}/print/pdf`)

    const response = await as(client.get(`/periods/submissions/${v1.id}/print/xlsx`), statistician)
    response.assertStatus(200)
    const { wb, all, url } = await sheetTexts(response.body())
    // The printed hash IS the submission's immutable hash.
    assert.equal(url.searchParams.get('h'), v1.sha256)
    assert.include(all, `Mã băm dữ liệu báo cáo (SHA-256): ${v1.sha256}`)
    assert.include(all, `#${checkpoint.id} · ${checkpoint.digest.slice(0, 16)}`)
    assert.isAtLeast((wb as any).media.length, 1, 'the QR code image')
    const printed = await db.from('printed_reports').where('submission_id', v1.id).first()
    assert.equal(printed.snapshot, v1.snapshot)
    const audit = await db
      .from('audit_events')
      .where({ action: 'report.printed', actor_id: statistician.id })
      .first()
    assert.include(audit.after, `"submission":${v1.id}`)

    const genuine = await client.get(url.pathname + url.search)
    genuine.assertStatus(200)
    assert.include(genuine.text(), 'data-state="match"')
    assert.include(genuine.text(), 'data-newer=""')
    assert.include(genuine.text(), 'Đây là phiên bản mới nhất của báo cáo đã gửi')
    const forged = v1.sha256.slice(0, -1) + (v1.sha256.endsWith('0') ? '1' : '0')
    const changed = await client.get(`${url.pathname}?h=${forged}`)
    changed.assertStatus(409)
    assert.include(changed.text(), 'data-state="mismatch"')

    // Returned by the province and resubmitted: the v1 printout still matches v1, but says v2 replaced it.
    const head = await staff(district.code, ['head'])
    const statP = await staff(province.code, ['statistician'])
    ;(await decide(client, head, v1.id, 'approve')).assertStatus(302)
    ;(await decide(client, statP, v1.id, 'return', 'Cột 11 chưa khớp sổ')).assertStatus(302)
    ;(await decide(client, statistician, v1.id, 'resubmit')).assertStatus(302)
    const v2 = await newestRow(district.id)
    assert.equal(v2.version, 2)
    const later = await client.get(url.pathname + url.search)
    later.assertStatus(200)
    assert.include(later.text(), 'data-state="match"')
    assert.include(later.text(), 'data-newer="2"')
    assert.include(later.text(), 'đơn vị đã gửi phiên bản 2 thay thế')
  })

  test('a submission revised after its print (edit under an approved exception) is reported as revised', async ({
    client,
    assert,
  }) => {
    const { district, statistician } = await submitted()
    ;(await submit(client, statistician, { unit: district.code, ...P6 })).assertStatus(302)
    const row = await newestRow(district.id)
    const response = await as(client.get(`/periods/submissions/${row.id}/print/xlsx`), statistician)
    const { url } = await sheetTexts(response.body())
    const before = await client.get(url.pathname + url.search)
    assert.include(before.text(), 'data-revised="no"')
    // What MarkSubmissionsRevised records when an edit under an exception touches the counted data.
    await db.insertQuery().table('submission_revisions').insert({
      submission_id: row.id,
      edit_request_id: 999_001,
      unit_id: district.id,
      effective_date: '2025-03-10',
      case_id: null,
      created_at: '2025-04-01 03:00:00',
    })
    const after = await client.get(url.pathname + url.search)
    after.assertStatus(200)
    assert.include(after.text(), 'data-state="match"')
    assert.include(after.text(), 'data-revised="yes"')
    assert.include(after.text(), 'số liệu của phiên bản này đã được điều chỉnh')
  })

  test('a reader out of reach is refused (403 + audit) and nothing is printed', async ({
    client,
    assert,
  }) => {
    const { district, statistician } = await submitted()
    ;(await submit(client, statistician, { unit: district.code, ...P6 })).assertStatus(302)
    const row = await newestRow(district.id)
    const other = await submitted()
    const stranger = other.statistician
    const response = await as(client.get(`/periods/submissions/${row.id}/print/xlsx`), stranger)
    response.assertStatus(403)
    const [denial] = await denials(stranger)
    assert.equal(denial.subject_id, String(row.id))
    assert.isNull(await db.from('printed_reports').where('submission_id', row.id).first())
  })

  test('the PDF of a submission prints its hash and the verification address', async ({
    client,
    assert,
  }) => {
    if (!CAN_PDF) return assert.isTrue(true)
    const { district, statistician } = await submitted()
    ;(await submit(client, statistician, { unit: district.code, ...P6 })).assertStatus(302)
    const row = await newestRow(district.id)
    const response = await as(client.get(`/periods/submissions/${row.id}/print/pdf`), statistician)
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    const dir = await mkdtemp(join(tmpdir(), 'thads-subprint-'))
    try {
      const file = join(dir, 'submission.pdf')
      await writeFile(file, response.body())
      const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
      })
      assert.include(text.replace(/\s+/g, ''), row.sha256)
      assert.include(text, '/verify/')
      const printed = await db
        .from('printed_reports')
        .where({ submission_id: row.id, format: 'pdf' })
        .first()
      assert.equal(printed.sha256, row.sha256)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
