/**
 * Reads a paper-figures file (csv or xlsx) row by row, streaming: csv through csv-parse, xlsx through exceljs'
 * WorkbookReader (first sheet). The first row is the header; every later row comes with its line number.
 * Template columns: unit_code, year, period, the twelve figure keys (f06_c1 … f07_c14; money in thousands of
 * VND) and an optional note.
 */
import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { FIGURE_KEYS } from '../indicators.js'

export const TEMPLATE_COLUMNS = ['unit_code', 'year', 'period', ...FIGURE_KEYS, 'note']

export interface FileRow {
  line: number
  cells: Record<string, string>
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object' && value && 'result' in value)
    return cellText((value as any).result)
  if (typeof value === 'object' && value && 'richText' in value)
    return (value as any).richText.map((t: any) => t.text).join('')
  return String(value).trim()
}

async function* csvRows(path: string): AsyncGenerator<string[]> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true })
  )
  for await (const record of parser) yield record as string[]
}

async function* xlsxRows(path: string): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
  })
  for await (const sheet of reader) {
    for await (const row of sheet as any) {
      const values = (row.values as unknown[]).slice(1)
      yield values.map(cellText)
    }
    break
  }
}

/** Yields the data rows keyed by header; throws 'reconciliation.import.bad_header' on a wrong template. */
export async function* figureRows(path: string, kind: 'csv' | 'xlsx'): AsyncGenerator<FileRow> {
  let header: string[] | null = null
  let line = 0
  for await (const raw of kind === 'csv' ? csvRows(path) : xlsxRows(path)) {
    line++
    if (!header) {
      header = raw.map((h) => String(h).trim().toLowerCase())
      const missing = TEMPLATE_COLUMNS.filter((c) => c !== 'note' && !header!.includes(c))
      if (missing.length) throw new BadHeader(missing)
      continue
    }
    if (raw.every((v) => v === '')) continue
    yield { line, cells: Object.fromEntries(header.map((h, i) => [h, raw[i] ?? ''])) }
  }
  if (!header) throw new BadHeader(TEMPLATE_COLUMNS)
}

export class BadHeader extends Error {
  constructor(public missing: string[]) {
    super(`missing columns ${missing.join(', ')}`)
  }
}
