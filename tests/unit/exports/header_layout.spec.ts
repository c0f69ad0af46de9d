/** The multi-level header of the official forms, title parsing, file names and the loaded export plugins. */
import { test } from '@japa/runner'
import {
  exportFileName,
  exportPluginFor,
  formPlugin,
  formTitle,
  headerGrid,
  headerRows,
  officialHeaderGroups,
  periodLine,
  periodRange,
  pluginRegistry,
} from '#reporting'

const form06 = () => formPlugin('form-06-cases')!.definition.columns

test.group('Exports: official header layout', () => {
  test("forms 06 and 07 get the paper form's groups over their 17 columns, four header rows deep", ({
    assert,
  }) => {
    for (const id of ['form-06-cases', 'form-07-money']) {
      const grid = headerGrid(
        formPlugin(id)!.definition.columns,
        officialHeaderGroups(id),
        'vi',
        'Tên đơn vị'
      )
      assert.equal(grid.depth, 4)
      assert.deepEqual(
        grid.order,
        Array.from({ length: 17 }, (_, i) => i + 1)
      )
      const at = (text: string) =>
        grid.cells
          .filter((c) => c.text === text)
          .map(({ row, col, rowSpan, colSpan }) => [row, col, rowSpan, colSpan])
      assert.deepEqual(at('Tên đơn vị'), [[0, 0, 4, 1]])
      assert.deepEqual(at('Tổng số thụ lý'), [[0, 1, 1, 3]])
      assert.deepEqual(at('Tổng số phải thi hành'), [[0, 6, 1, 9]])
      assert.deepEqual(at('Có điều kiện thi hành'), [[1, 7, 1, 7]])
      assert.deepEqual(at('Chuyển kỳ sau'), [[0, 16, 1, 2]])
      assert.deepEqual(at('Chia ra'), [
        [1, 2, 1, 2],
        [2, 8, 1, 6],
      ])
      assert.deepEqual(at('Ủy thác'), [[0, 4, 4, 1]])
      assert.deepEqual(at('Thi hành xong'), [[3, 8, 1, 1]])
      // Every grid position is covered exactly once.
      const covered = new Map<string, number>()
      for (const c of grid.cells)
        for (let r = c.row; r < c.row + c.rowSpan; r++)
          for (let k = c.col; k < c.col + c.colSpan; k++)
            covered.set(`${r}:${k}`, (covered.get(`${r}:${k}`) ?? 0) + 1)
      assert.equal(covered.size, 4 * 18)
      assert.isTrue([...covered.values()].every((n) => n === 1))
      assert.deepEqual(
        headerRows(grid).map((r) => r.length),
        [7, 7, 4, 6]
      )
    }
  })

  test('English labels; a form without groups, or whose columns no longer fit them, gets a flat header', ({
    assert,
  }) => {
    const en = headerGrid(form06(), officialHeaderGroups('form-06-cases'), 'en', 'Unit')
    assert.isTrue(en.cells.some((c) => c.text === 'Total to enforce' && c.colSpan === 9))
    const flat = headerGrid(form06(), null, 'vi', 'Dòng')
    assert.equal(flat.depth, 1)
    assert.lengthOf(flat.cells, 18)
    const fewer = headerGrid(
      form06().slice(0, 5),
      officialHeaderGroups('form-06-cases'),
      'vi',
      'Dòng'
    )
    assert.equal(fewer.depth, 1)
    assert.deepEqual(fewer.order, [1, 2, 3, 4, 5])
  })

  test('titles, period line and file names', ({ assert }) => {
    assert.deepEqual(
      formTitle(
        { vi: 'Biểu số 06/TK-THA: Kết quả thi hành án', en: 'Form 06/TK-THA: results' },
        'vi'
      ),
      { formNo: '06/TK-THA', name: 'Kết quả thi hành án' }
    )
    assert.deepEqual(
      formTitle({ vi: 'Biểu số 06/TK-THA: Kết quả', en: 'Form 06/TK-THA: results' }, 'en'),
      { formNo: '06/TK-THA', name: 'results' }
    )
    assert.deepEqual(formTitle({ vi: 'Danh sách việc', en: 'Cases' }, 'vi'), {
      formNo: null,
      name: 'Danh sách việc',
    })
    const t = (key: string, d: any) => `${key}|${d.n}|${d.start}|${d.end}`
    assert.equal(periodLine(periodRange(2026, 6), t), 'exports.period_line|6|01/10/2025|31/03/2026')
    assert.equal(
      exportFileName('form-06-cases', 'T01', periodRange(2026, 12), 'pdf'),
      'form-06-cases_T01_2026-12.pdf'
    )
    assert.equal(
      exportFileName('form-07-money', 'T01-BA ĐÌNH', periodRange(2026, 3), 'csv', 'cell--1-c3'),
      'form-07-money_T01-BA-NH_2026-03_cell--1-c3.csv'
    )
  })

  test('the three export plugins are loaded from plugins/exports and found by format', ({
    assert,
  }) => {
    const exports = pluginRegistry().filter((p) => p.kind === 'export')
    assert.includeMembers(
      exports.map((p) => `${p.id}:${p.status}`),
      ['csv:loaded', 'pdf-official:loaded', 'xlsx-official:loaded']
    )
    assert.deepEqual(exportPluginFor('xlsx')!.formats, ['xlsx'])
    assert.deepEqual(exportPluginFor('pdf')!.formats, ['pdf'])
    assert.isFunction(exportPluginFor('csv')!.renderList)
    assert.isNull(exportPluginFor('docx'))
  })
})
