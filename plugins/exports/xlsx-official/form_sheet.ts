/**
 * A computed form as the paper form 06/TK-THA or 07/TK-THA looks: title block (form number, legal basis, title,
 * reporting unit, recipient, period, unit of measure), merged multi-level header with the numbering row
 * (A, 1..17), one row per officer / unit, the bold total row, and the signature block.
 */
import ExcelJS from 'exceljs'
import {
  cellNumber,
  formTitle,
  headerGrid,
  lang,
  measureLine,
  periodLine,
  signedOn,
  type ComputedForm,
  type ExportRenderOptions,
} from '#reporting'
import {
  BORDER,
  font,
  HEADER_FILL,
  NUMBER_FORMAT,
  pageSetup,
  sheetName,
  TOTAL_FILL,
} from './styles.js'

type Block = { text: string; bold?: boolean; italic?: boolean; size?: number }

/** Column ranges [from, to] (1-based) of the left, centre and right parts of the title block. */
function blocks(width: number): [number, number][] | null {
  if (width < 9) return null
  const side = Math.max(3, Math.round(width * 0.25))
  return [
    [1, side],
    [side + 1, width - side],
    [width - side + 1, width],
  ]
}

function writeLine(
  ws: ExcelJS.Worksheet,
  row: number,
  from: number,
  to: number,
  line: Block | undefined,
  align: 'left' | 'center'
) {
  if (!line) return
  if (to > from) ws.mergeCells(row, from, row, to)
  const cell = ws.getCell(row, from)
  cell.value = line.text
  cell.font = font({ bold: line.bold, italic: line.italic, size: line.size })
  cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true }
}

export async function formWorkbook(
  form: ComputedForm,
  options: ExportRenderOptions
): Promise<Buffer> {
  const { t, locale, divisor } = options
  const title = formTitle(form.form.title, locale)
  const firstLabel = t(form.layout === 'officer' ? 'exports.row_officer' : 'exports.row_unit')
  const grid = headerGrid(form.columns, options.headerGroups, locale, firstLabel)
  const width = grid.order.length + 1
  const byNo = new Map(form.columns.map((c) => [c.no, c]))

  const wb = new ExcelJS.Workbook()
  wb.creator = 'THADS'
  wb.title = lang(form.form.title, locale)
  wb.created = new Date(form.computedAt)
  const ws = wb.addWorksheet(sheetName(title.formNo ?? form.form.id))

  // Title block: three columns of lines as on the paper form (stacked when the form is narrow).
  const left: Block[] = [
    ...(title.formNo ? [{ text: t('exports.form_no', { no: title.formNo }), bold: true }] : []),
    ...(form.form.legalBasis
      ? [{ text: t('exports.legal_basis', { basis: form.form.legalBasis }), italic: true }]
      : []),
  ]
  const centre: Block[] = [
    { text: title.name.toLocaleUpperCase(locale === 'en' ? 'en' : 'vi'), bold: true, size: 13 },
    { text: periodLine(form.period, t), italic: true },
  ]
  const right: Block[] = [
    { text: t('exports.reporting_unit', { name: form.unit.name }) },
    ...(options.recipient
      ? [{ text: t('exports.recipient_unit', { name: options.recipient }) }]
      : []),
    { text: measureLine(form, divisor, t), italic: true },
  ]
  let row = 1
  const parts = blocks(width)
  if (parts) {
    const lines = Math.max(left.length, centre.length, right.length)
    for (let i = 0; i < lines; i++, row++) {
      writeLine(ws, row, ...parts[0], left[i], 'left')
      writeLine(ws, row, ...parts[1], centre[i], 'center')
      writeLine(ws, row, ...parts[2], right[i], 'left')
      ws.getRow(row).height = i === 0 ? 22 : 18
    }
  } else {
    for (const line of [...left, ...centre, ...right]) writeLine(ws, row++, 1, width, line, 'left')
  }
  row++

  // Header: merged groups over their columns, then the numbering row (A, 1, 2, …).
  const headerStart = row
  for (const h of grid.cells) {
    const r = headerStart + h.row
    const c = 1 + h.col
    if (h.rowSpan > 1 || h.colSpan > 1) ws.mergeCells(r, c, r + h.rowSpan - 1, c + h.colSpan - 1)
    ws.getCell(r, c).value = h.text
  }
  const numberingRow = headerStart + grid.depth
  ws.getCell(numberingRow, 1).value = 'A'
  grid.order.forEach((no, i) => (ws.getCell(numberingRow, i + 2).value = no))
  for (let r = headerStart; r <= numberingRow; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c)
      cell.font = font({
        bold: r < numberingRow,
        italic: r === numberingRow,
        size: r < numberingRow ? 10 : 9,
      })
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      cell.border = BORDER
      cell.fill = HEADER_FILL
    }
  }
  for (let r = headerStart; r < numberingRow; r++) ws.getRow(r).height = 30

  // Data rows; the total row is bold.
  row = numberingRow + 1
  for (const data of form.rows) {
    const isTotal = data.kind === 'total'
    const label = ws.getCell(row, 1)
    label.value = lang(data.label, locale)
    label.font = font({ bold: isTotal })
    label.alignment = { vertical: 'middle', wrapText: true }
    label.border = BORDER
    grid.order.forEach((no, i) => {
      const column = byNo.get(no)!
      const cell = ws.getCell(row, i + 2)
      const value = cellNumber(column, data.values[column.key], divisor)
      cell.value = value ?? '—'
      cell.numFmt = NUMBER_FORMAT[column.unit]
      cell.font = font({ bold: isTotal })
      cell.alignment = { horizontal: value === null ? 'center' : 'right', vertical: 'middle' }
      cell.border = BORDER
    })
    if (isTotal) for (let c = 1; c <= width; c++) ws.getCell(row, c).fill = TOTAL_FILL
    row++
  }

  // Signature block: preparer on the left, the head of the unit on the right.
  row++
  const sign = blocks(width) ?? [
    [1, Math.max(1, Math.floor(width / 2))],
    [1, 1],
    [Math.min(width, Math.floor(width / 2) + 1), width],
  ]
  writeLine(ws, row, ...sign[2], { text: signedOn(options.issuedOn, t), italic: true }, 'center')
  row++
  writeLine(ws, row, ...sign[0], { text: t('exports.preparer'), bold: true }, 'center')
  writeLine(ws, row, ...sign[2], { text: t('exports.head'), bold: true }, 'center')
  row++
  writeLine(ws, row, ...sign[0], { text: t('exports.preparer_hint'), italic: true }, 'center')
  writeLine(ws, row, ...sign[2], { text: t('exports.head_hint'), italic: true }, 'center')
  if (options.preparedBy)
    writeLine(ws, row + 4, ...sign[0], { text: options.preparedBy, bold: true }, 'center')

  // Verification block: snapshot hash, latest signed audit checkpoint and the QR code of the verification page.
  if (options.verification) {
    const v = options.verification
    let at = row + 6
    for (const text of [
      t('exports.verification_hint'),
      t('exports.verification_hash', { hash: v.hash }),
      v.checkpoint
        ? t('exports.verification_checkpoint', { checkpoint: v.checkpoint })
        : t('exports.verification_no_checkpoint'),
      v.url,
    ]) {
      writeLine(ws, at++, 2, width, { text, italic: false }, 'left')
    }
    const image = wb.addImage({ base64: v.qrPng.toString('base64'), extension: 'png' })
    ws.addImage(image, { tl: { col: 0, row: row + 5 }, ext: { width: 110, height: 110 } })
  }

  ws.columns = [
    { width: 34 },
    ...grid.order.map((no) => ({ width: byNo.get(no)!.unit === 'percent' ? 9 : 12 })),
  ]
  ws.views = [
    {
      state: 'frozen',
      xSplit: 1,
      ySplit: numberingRow,
      topLeftCell: `B${numberingRow + 1}`,
      activeCell: `B${numberingRow + 1}`,
    },
  ]
  ws.pageSetup = pageSetup(`${headerStart}:${numberingRow}`)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
