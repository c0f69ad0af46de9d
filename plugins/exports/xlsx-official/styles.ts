/** Cell styles of the official Excel layout (Times New Roman, thin borders, grey header). */
import type ExcelJS from 'exceljs'

export const FONT = 'Times New Roman'
export const thin = { style: 'thin' } as const
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }
export const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFEDEDED' },
}
export const TOTAL_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF7F7F7' },
}

export const NUMBER_FORMAT = { cases: '#,##0', vnd: '#,##0', percent: '0.00' } as const

export function font(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT, size: 11, ...extra }
}

/** A4 landscape, one page wide, header rows repeated on every printed page. */
export function pageSetup(printTitlesRow?: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(printTitlesRow ? { printTitlesRow } : {}),
  }
}

/** Sheet names may not contain : \ / ? * [ ] and are at most 31 characters. */
export function sheetName(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Sheet1'
}
