/** Importing paper figures from csv/xlsx: bad rows come back with line numbers and nothing is written. */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { as, makeUser } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { TEMPLATE_COLUMNS } from '../../../app/reporting/reconciliation/services/figure_file.js'

const zeros = Array(12).fill('0')

function csv(lines: string[][]) {
  return Buffer.from([TEMPLATE_COLUMNS.join(','), ...lines.map((l) => l.join(','))].join('\n'))
}

test.group('Reconciliation: import of paper figures', () => {
  test('a file with bad rows is refused whole, with one error per bad row and its line', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await makeProvinceTree(2)
    const stat = await makeUser(province.code, ['statistician'])
    const good = [
      districts[0].code,
      '2022',
      '6',
      '5',
      '5',
      '0',
      '5',
      '2',
      '0',
      ...Array(6).fill('0'),
      'ok',
    ]
    const file = csv([
      good, // line 2
      ['NO-SUCH', '2022', '6', ...zeros, ''], // 3 unknown unit
      [districts[1].code, '2022', '5', ...zeros, ''], // 4 another month: fine
      [districts[1].code, '2022', '6', 'abc', ...zeros.slice(1), ''], // 5 bad number
      [districts[1].code, '2022', '13', ...zeros, ''], // 6 bad period
      [districts[1].code, '2022', '6', '1', '3', ...zeros.slice(2), ''], // 7 new > total
      [districts[0].code, '2022', '6', ...zeros, ''], // 8 duplicate of line 2
    ])
    const res = await as(client.post('/reconciliation/figures/import'), stat)
      .withCsrfToken()
      .header('accept', 'application/json')
      .file('file', file, { filename: 'figures.csv' })
    res.assertStatus(200)
    const errors = res.body().errors as { line: number; key: string }[]
    const byLine = (line: number) => errors.filter((e) => e.line === line).map((e) => e.key)
    assert.deepEqual(byLine(2), [])
    assert.include(byLine(3), 'reconciliation.import.unknown_unit')
    assert.deepEqual(byLine(4), [])
    assert.include(byLine(5), 'reconciliation.import.bad_number')
    assert.include(byLine(6), 'reconciliation.import.bad_period')
    assert.include(byLine(7), 'reconciliation.rule.new_over_total')
    assert.include(byLine(8), 'reconciliation.import.duplicate')
    assert.equal(res.body().written, 0)
    const ids = [province.id, ...districts.map((d) => d.id)]
    assert.lengthOf(await db.from('traditional_figures').whereIn('unit_id', ids), 0)

    // The page shows the errors in Vietnamese
    const page = await as(client.post('/reconciliation/figures/import'), stat)
      .withCsrfToken()
      .file('file', file, { filename: 'figures.csv' })
    page.assertStatus(200)
    assert.include(page.text(), 'Không có đơn vị mã NO-SUCH')
  })

  test("a file naming a unit outside the importer's subtree is refused whole: 403, audited, nothing written", async ({
    client,
    assert,
  }) => {
    const { province, districts } = await makeProvinceTree(2)
    const stat = await makeUser(districts[0].code, ['statistician'])
    const file = csv([
      [districts[0].code, '2022', '6', ...zeros, ''],
      [districts[1].code, '2022', '6', ...zeros, ''], // the sibling district: outside
    ])
    const res = await as(client.post('/reconciliation/figures/import'), stat)
      .withCsrfToken()
      .header('accept', 'application/json')
      .file('file', file, { filename: 'figures.csv' })
    res.assertStatus(403)
    const denied = await auditRows({ action: 'access.denied', actorId: stat.id })
    assert.isAbove(denied.length, 0)
    const page = await as(client.post('/reconciliation/figures/import'), stat)
      .withCsrfToken()
      .file('file', file, { filename: 'figures.csv' })
    page.assertStatus(403)
    assert.isAbove(
      (await auditRows({ action: 'access.denied', actorId: stat.id })).length,
      denied.length
    )
    const ids = [province.id, ...districts.map((d) => d.id)]
    assert.lengthOf(await db.from('traditional_figures').whereIn('unit_id', ids), 0)
  })

  test('a correct xlsx file is written whole and audited; a wrong template is refused', async ({
    client,
    assert,
  }) => {
    const { province, districts } = await makeProvinceTree(2)
    const stat = await makeUser(province.code, ['statistician'])
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('so_lieu')
    sheet.addRow(TEMPLATE_COLUMNS)
    sheet.addRow([districts[0].code, 2022, 6, 4, 4, 0, 4, 1, 1, 900, 900, 0, 900, 100, 0, 'giấy'])
    sheet.addRow([districts[1].code, 2022, 6, 2, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, ''])
    const buffer = Buffer.from(await book.xlsx.writeBuffer())
    const res = await as(client.post('/reconciliation/figures/import'), stat)
      .withCsrfToken()
      .header('accept', 'application/json')
      .file('file', buffer, { filename: 'figures.xlsx' })
    res.assertStatus(200)
    assert.deepEqual(res.body().errors, [])
    assert.equal(res.body().written, 2)
    const row = await db.from('traditional_figures').where('unit_id', districts[0].id).first()
    assert.equal(Number(row.f06_c1), 4)
    assert.equal(Number(row.f07_c1), 900_000) // thousands → VND
    assert.equal(row.source, 'import')
    assert.lengthOf(
      await auditRows({ action: 'reconciliation.figures_recorded', actorId: stat.id }),
      2
    )
    assert.lengthOf(
      await auditRows({ action: 'reconciliation.figures_imported', actorId: stat.id }),
      1
    )

    const wrong = await as(client.post('/reconciliation/figures/import'), stat)
      .withCsrfToken()
      .header('accept', 'application/json')
      .file('file', Buffer.from('a,b,c\n1,2,3\n'), { filename: 'wrong.csv' })
    assert.equal(wrong.body().errors[0].key, 'reconciliation.import.bad_header')
  })
})
