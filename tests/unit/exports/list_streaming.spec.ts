/** Long lists are written page by page: 30 000 rows through the streaming Excel writer and the CSV writer. */
import { test } from '@japa/runner'
import { readFile, rm } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { exportPluginFor, type ListExport } from '#reporting'
import { tmpExportPath } from '#reporting/exports/services/produce'
import { translator } from '#reporting/exports/services/exporters'

const ROWS = 30_000
const PAGE = 1_000

function bigList(): ListExport & { pagesRead: number } {
  const list = {
    pagesRead: 0,
    form: {
      id: 'report-unexecuted-cases',
      version: '1.0.0',
      title: { vi: 'Danh sách việc chưa thi hành xong', en: 'Unexecuted cases' },
      legalBasis: null,
    },
    subtitle: null,
    unit: { id: 1, code: 'TC', name: 'Tổng cục Thi hành án dân sự', level: 'national' },
    period: { year: 2026, n: 6, start: '2025-10-01', end: '2026-03-31' },
    columns: [
      {
        key: 'number',
        unit: 'cases' as const,
        format: 'text' as const,
        label: { vi: 'Số quyết định', en: 'Decision number' },
      },
      {
        key: 'decision_date',
        unit: 'cases' as const,
        format: 'date' as const,
        label: { vi: 'Ngày thụ lý', en: 'Accepted on' },
      },
      {
        key: 'status',
        unit: 'cases' as const,
        format: 'status' as const,
        label: { vi: 'Trạng thái', en: 'Status' },
      },
      {
        key: 'remaining',
        unit: 'vnd' as const,
        label: { vi: 'Còn phải thi hành (đồng)', en: 'Remaining (VND)' },
      },
    ],
    total: ROWS,
    async *pages() {
      for (let start = 0; start < ROWS; start += PAGE) {
        list.pagesRead++
        yield Array.from({ length: PAGE }, (_, i) => ({
          number: `=HS-${start + i + 1}`,
          decision_date: '2025-11-02',
          status: 'postponed',
          remaining: (start + i + 1) * 1000,
        }))
      }
    },
  }
  return list
}

const options = (output: string, progress: number[]) => ({
  locale: 'vi' as const,
  t: translator('vi'),
  divisor: 1,
  headerGroups: null,
  recipient: null,
  preparedBy: null,
  issuedOn: '2026-04-02',
  output,
  onProgress: (n: number) => void progress.push(n),
})

test.group('Exports: long lists', () => {
  test('xlsx-official streams 30 000 rows page by page and they read back', async ({ assert }) => {
    const list = bigList()
    const output = await tmpExportPath('xlsx')
    const progress: number[] = []
    try {
      await exportPluginFor('xlsx')!.renderList!(list, options(output, progress))
      assert.equal(list.pagesRead, ROWS / PAGE)
      assert.lengthOf(progress, ROWS / PAGE)
      assert.equal(progress.at(-1), ROWS)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(output)
      const ws = wb.worksheets[0]
      assert.equal(ws.getCell('A1').value, 'DANH SÁCH VIỆC CHƯA THI HÀNH XONG')
      assert.deepEqual((ws.getRow(5).values as any[]).slice(1), [
        1,
        '=HS-1',
        '02/11/2025',
        'Hoãn',
        1000,
      ])
      assert.deepEqual((ws.getRow(4 + ROWS).values as any[]).slice(1), [
        ROWS,
        `=HS-${ROWS}`,
        '02/11/2025',
        'Hoãn',
        ROWS * 1000,
      ])
      assert.equal(ws.getCell(`A${6 + ROWS}`).value, 'Tổng số: 30.000 dòng')
    } finally {
      await rm(output, { force: true })
    }
  }).timeout(60_000)

  test('csv streams the same rows, with BOM, formula injection neutralised', async ({ assert }) => {
    const output = await tmpExportPath('csv')
    const progress: number[] = []
    try {
      await exportPluginFor('csv')!.renderList!(bigList(), options(output, progress))
      const lines = (await readFile(output, 'utf8')).split('\r\n')
      assert.equal(lines[0], '\uFEFFSố quyết định,Ngày thụ lý,Trạng thái,Còn phải thi hành (đồng)')
      assert.equal(lines[1], "'=HS-1,02/11/2025,Hoãn,1000")
      assert.equal(lines[ROWS], `'=HS-${ROWS},02/11/2025,Hoãn,${ROWS * 1000}`)
      assert.lengthOf(lines, ROWS + 2)
      assert.equal(progress.at(-1), ROWS)
    } finally {
      await rm(output, { force: true })
    }
  }).timeout(60_000)
})
