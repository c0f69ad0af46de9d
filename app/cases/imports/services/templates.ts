/** The import templates (csv, xlsx) and the streamed export writers in the same columns. */
import { PassThrough, type Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { COLUMNS, TEMPLATE_ROWS, csvLine, rowValues, type RawRow } from '../format.js'

export function templateCsv(): string {
  return (
    '\uFEFF' +
    [csvLine(COLUMNS), ...TEMPLATE_ROWS.map((r) => csvLine(rowValues(r)))].join('\r\n') +
    '\r\n'
  )
}

export async function templateXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('import')
  sheet.addRow([...COLUMNS])
  for (const r of TEMPLATE_ROWS) sheet.addRow(rowValues(r))
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** Streams rows (an async generator) as csv or xlsx. */
export function rowsStream(rows: AsyncIterable<RawRow>, format: 'csv' | 'xlsx'): Readable {
  const out = new PassThrough()
  ;(async () => {
    if (format === 'csv') {
      out.write('\uFEFF' + csvLine(COLUMNS) + '\r\n')
      for await (const row of rows) {
        if (!out.write(csvLine(rowValues(row)) + '\r\n'))
          await new Promise((r) => out.once('drain', r))
      }
      out.end()
    } else {
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useSharedStrings: false,
        useStyles: false,
      })
      const sheet = writer.addWorksheet('import')
      sheet.addRow([...COLUMNS]).commit()
      for await (const row of rows) sheet.addRow(rowValues(row)).commit()
      sheet.commit()
      await writer.commit()
    }
  })().catch((error) => out.destroy(error))
  return out
}
