/**
 * A long list (list report or drill-down) through exceljs's streaming WorkbookWriter: every row is committed
 * to the file as soon as it is written, so memory stays flat whatever the number of rows.
 */
import ExcelJS from 'exceljs'
import {
  formTitle,
  lang,
  listCell,
  periodLine,
  type ListExport,
  type ListRenderOptions,
} from '#reporting'
import { BORDER, font, HEADER_FILL, NUMBER_FORMAT, pageSetup, sheetName } from './styles.js'

export async function listWorkbook(list: ListExport, options: ListRenderOptions): Promise<void> {
  const { t, locale } = options
  const title = formTitle(list.form.title, locale)
  const width = list.columns.length + 1
  const headerRow = list.subtitle ? 5 : 4
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: options.output,
    useStyles: true,
    useSharedStrings: false,
  })
  wb.creator = 'THADS'
  const ws = wb.addWorksheet(sheetName(title.formNo ?? list.form.id), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
    pageSetup: pageSetup(`${headerRow}:${headerRow}`),
  })
  ws.columns = [
    { width: 7 },
    ...list.columns.map((c) => ({ width: c.unit === 'vnd' ? 18 : c.format === 'date' ? 13 : 22 })),
  ]

  const line = (text: string, extra: Partial<ExcelJS.Font> = {}) => {
    const row = ws.addRow([text])
    ws.mergeCells(row.number, 1, row.number, width)
    row.getCell(1).font = font(extra)
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true }
    row.commit()
  }
  line(lang(list.form.title, locale).toLocaleUpperCase(locale === 'en' ? 'en' : 'vi'), {
    bold: true,
    size: 13,
  })
  if (list.subtitle) line(lang(list.subtitle, locale), { bold: true })
  line(
    `${t('exports.reporting_unit', { name: `${list.unit.code} — ${list.unit.name}` })} · ${periodLine(list.period, t)}`,
    { italic: true }
  )
  ws.addRow([]).commit()

  const header = ws.addRow([
    t('exports.ordinal'),
    ...list.columns.map((c) => lang(c.label, locale)),
  ])
  header.eachCell((cell) => {
    cell.font = font({ bold: true })
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = BORDER
    cell.fill = HEADER_FILL
  })
  header.commit()

  let written = 0
  for await (const page of list.pages()) {
    for (const item of page) {
      written++
      const row = ws.addRow([written, ...list.columns.map((c) => listCell(c, item[c.key], t))])
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const column = list.columns[col - 2]
        cell.font = font()
        cell.border = BORDER
        if (column && (column.unit === 'vnd' || column.unit === 'percent'))
          cell.numFmt = NUMBER_FORMAT[column.unit]
      })
      row.commit()
    }
    await options.onProgress(written)
  }
  ws.addRow([]).commit()
  const total = ws.addRow([t('exports.rows_total', { count: written })])
  total.getCell(1).font = font({ bold: true })
  total.commit()
  ws.commit()
  await wb.commit()
}
