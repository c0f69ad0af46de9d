/**
 * The dry run's report as a file to fix: the original file, row for row, with an added `error` column holding
 * the messages of that row (in the reader's language). csv → csv, xlsx → xlsx, both streamed.
 */
import { createReadStream } from 'node:fs'
import { PassThrough, type Readable } from 'node:stream'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import db from '@adonisjs/lucid/services/db'
import { ERROR_COLUMN, csvLine } from '../format.js'
import type ImportBatch from '../models/import_batch.js'

export type Translate = (code: string, data: Record<string, unknown>) => string

export async function errorsByLine(
  batchId: number,
  translate: Translate
): Promise<Map<number, string>> {
  const rows = await db
    .from('import_row_errors')
    .where('batch_id', batchId)
    .orderBy('line')
    .orderBy('id')
  const map = new Map<number, string>()
  for (const r of rows) {
    const text = translate(r.code, r.data ? JSON.parse(r.data) : {})
    const line = Number(r.line)
    map.set(line, map.has(line) ? `${map.get(line)}; ${text}` : text)
  }
  return map
}

export function errorFileStream(
  batch: ImportBatch,
  path: string,
  errors: Map<number, string>
): Readable {
  const out = new PassThrough()
  ;(async () => {
    if (batch.format === 'csv') {
      const parser = createReadStream(path).pipe(
        parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true })
      )
      let first = true
      out.write('\uFEFF')
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[]
        info: { lines: number }
      }>) {
        const extra = first ? ERROR_COLUMN : (errors.get(info.lines) ?? '')
        first = false
        if (!out.write(csvLine([...record, extra]) + '\r\n'))
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
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'ignore',
        worksheets: 'emit',
      } as any)
      for await (const ws of reader as any) {
        let width = 0
        for await (const row of ws) {
          const values = (row.values as unknown[])
            .slice(1)
            .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
          if (row.number === 1) width = values.length
          const padded = [...values, ...Array(Math.max(0, width - values.length)).fill(null)]
          const target = sheet.getRow(row.number)
          target.values = [
            ...padded,
            row.number === 1 ? ERROR_COLUMN : (errors.get(row.number) ?? ''),
          ] as any
          target.commit()
        }
        break
      }
      sheet.commit()
      await writer.commit()
    }
  })().catch((error) => out.destroy(error))
  return out
}
