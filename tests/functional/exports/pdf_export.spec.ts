/**
 * The official PDF, produced by Debian's Chromium: text extracted with pdftotext (poppler-utils) carries the
 * Vietnamese diacritics, the title block, the grouped headers and the numbers; fonts are embedded local ones.
 * Without Chromium or pdftotext the tests are skipped with a message — never in CI, where they fail instead.
 */
import { test } from '@japa/runner'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromiumPath, closePdfBrowser, exportPluginFor } from '#reporting'
import { pdfBrowserRunning } from '#reporting/exports/services/pdf_browser'
import { produceExport } from '#reporting/exports/services/produce'
import { as, makeUser } from '#tests/helpers/factories'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'
import { downloads, Q } from './helpers.js'

const PDFTOTEXT = '/usr/bin/pdftotext'
const PDFFONTS = '/usr/bin/pdffonts'
const IN_CI = process.env.CI === 'true'
const missing = [
  !existsSync(chromiumPath()) && `Chromium (${chromiumPath()})`,
  !existsSync(PDFTOTEXT) && `pdftotext (${PDFTOTEXT}, apt-get install poppler-utils)`,
].filter(Boolean)
if (missing.length && !IN_CI)
  console.log(`\n  SKIPPED PDF export tests: missing ${missing.join(' and ')}\n`)

async function pdfText(pdf: Buffer): Promise<{ text: string; fonts: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'thads-pdf-'))
  try {
    const file = join(dir, 'form.pdf')
    await writeFile(file, pdf)
    const text = execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    const fonts = existsSync(PDFFONTS) ? execFileSync(PDFFONTS, [file], { encoding: 'utf8' }) : ''
    return { text, fonts }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

test.group('Exports: official PDF (Chromium)', (group) => {
  group.tap((t) => {
    if (missing.length && IN_CI)
      t.setup(() => {
        throw new Error(`PDF export tests need ${missing.join(' and ')} in CI`)
      })
    else if (missing.length) t.skip(true, `missing ${missing.join(' and ')}`)
  })
  group.teardown(() => closePdfBrowser())

  test('form 06 as an A4 landscape PDF whose text has the title block, grouped headers and diacritics', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await makeProvinceTree(2)
    await writeCase(districts[0], '2024-11-03', [{ day: '2024-11-20', status: 'completed' }])
    await writeCase(districts[1], '2024-12-01', [{ day: '2025-02-01', status: 'postponed' }])
    const user = await makeUser(province.code, ['statistician'])
    const response = await as(
      client.get(`/reports/forms/form-06-cases/export?format=pdf&unit=${province.code}&${Q}`),
      user
    )
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    const pdf = response.body() as Buffer
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
    const { text, fonts } = await pdfText(pdf)
    const flat = text.replace(/\s+/g, ' ')
    for (const expected of [
      'Biểu số: 06/TK-THA',
      'Ban hành theo Thông tư 06/2019/TT-BTP',
      'KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG VIỆC',
      'Kỳ báo cáo: 6 tháng, từ 01/10/2024 đến 31/03/2025',
      `Đơn vị báo cáo: ${province.name}`,
      'Đơn vị tính: việc',
      'Tổng số thụ lý',
      'Tổng số phải thi hành',
      'Có điều kiện thi hành',
      'Chuyển kỳ sau',
      'Tổng cộng',
      'NGƯỜI LẬP BIỂU',
      'THỦ TRƯỞNG ĐƠN VỊ',
      districts[0].name,
    ]) {
      assert.include(flat, expected)
    }
    // The total row: 2 accepted, 0 carried over, 2 new … completion rate 50,00 (vi number format).
    assert.match(flat, /Tổng cộng 2 0 2 0 0 2 2 1 0 0 0 1 0 0 50,00 1 1/)
    if (fonts) assert.match(fonts, /NotoSerif|DejaVuSerif/)
    const audit = await downloads(user)
    assert.equal(JSON.parse(audit[0].after).format, 'pdf')
  })

  test('form 07 PDF shows money in thousands in the Vietnamese format, in English too; one browser serves every PDF', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await makeProvinceTree(1)
    await writeCase(districts[0], '2024-11-03', [
      { day: '2024-11-03', money: [['obligation', 12_345_678]] },
    ])
    const user = await makeUser(province.code, ['head'])
    const vi = await as(
      client.get(`/reports/forms/form-07-money/export?format=pdf&unit=${province.code}&${Q}`),
      user
    )
    vi.assertStatus(200)
    assert.isTrue(pdfBrowserRunning())
    const { text } = await pdfText(vi.body())
    const flat = text.replace(/\s+/g, ' ')
    assert.include(flat, 'KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG TIỀN')
    assert.include(flat, 'Đơn vị tính: nghìn đồng')
    assert.match(flat, /Tổng cộng 12\.346 0 12\.346/)

    const en = await produceExport(user, {
      form: 'form-07-money',
      unit: province.code,
      year: 2025,
      period: 6,
      format: 'pdf',
      locale: 'en',
    })
    const english = (await pdfText(en.body!)).text.replace(/\s+/g, ' ')
    assert.include(english, 'Reporting period: 6 months, from 01/10/2024 to 31/03/2025')
    assert.include(english, 'Unit: thousand VND')
    assert.match(english, /Total 12,346 0 12,346/)
  })

  test('the shared browser is closed on demand and relaunched by the next PDF', async ({
    assert,
  }) => {
    const plugin = exportPluginFor('pdf')!
    await closePdfBrowser()
    assert.isFalse(pdfBrowserRunning())
    const form = {
      form: {
        id: 'x',
        version: '1.0.0',
        title: { vi: 'Danh sách thử: Đây là tiêu đề', en: 'Test: title' },
        legalBasis: null,
        source: 'custom' as const,
      },
      unit: { id: 1, code: 'TC', name: 'Tổng cục Thi hành án dân sự', level: 'national' },
      period: { year: 2026, n: 12, start: '2025-10-01', end: '2026-09-30' },
      layout: 'custom' as const,
      officerId: null,
      columns: [
        {
          key: 'a',
          no: 1,
          unit: 'cases' as const,
          label: { vi: 'Số việc đã thụ lý', en: 'Cases' },
        },
      ],
      rows: [
        {
          key: -1,
          kind: 'total' as const,
          label: { vi: 'Tổng cộng', en: 'Total' },
          values: { a: 3 },
        },
      ],
      rules: [],
      computedAt: new Date().toISOString(),
    }
    const t = (key: string, data?: any) =>
      key === 'exports.period_line' ? `Kỳ báo cáo: ${data.n} tháng` : key
    const pdf = (await plugin.render(form, {
      locale: 'vi',
      t,
      divisor: 1,
      headerGroups: null,
      recipient: null,
      preparedBy: null,
      issuedOn: '2026-10-05',
    })) as Buffer
    assert.isTrue(pdfBrowserRunning())
    const flat = (await pdfText(pdf)).text.replace(/\s+/g, ' ')
    assert.include(flat, 'ĐÂY LÀ TIÊU ĐỀ')
    assert.include(flat, 'Kỳ báo cáo: 12 tháng')
    assert.include(flat, 'Số việc đã thụ lý')
  })
})
