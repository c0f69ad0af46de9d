/**
 * Streaming readers of an import file on the local disk: csv (csv-parse, with the physical line of every record)
 * and xlsx (exceljs WorkbookReader, first worksheet, row numbers as line numbers). Neither holds the file in
 * memory. Before exceljs opens an xlsx, its zip directory is checked (a zip bomb or a file that is not an xlsx is
 * refused with a message, not fed to the parser).
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { AccessDenied, RuleViolation } from '#core'
import { COLUMNS, type Column, type RawRow } from '../format.js'

export interface ParsedRow {
  line: number
  raw: RawRow
}

/** Limits of an import file (also documented in docs/import.md). */
export const MAX_UNCOMPRESSED = 1024 * 1024 * 1024 // 1 GiB of xml inside an xlsx
export const MAX_RATIO = 150 // uncompressed / compressed per entry
export const MAX_ENTRIES = 2000

/** The format by the file's first bytes: 'xlsx' (zip), 'csv' (text) or null (binary of another kind). */
export async function sniffFormat(path: string): Promise<'xlsx' | 'csv' | null> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(512)
    const { bytesRead } = await handle.read(buffer, 0, 512, 0)
    const head = buffer.subarray(0, bytesRead)
    if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'xlsx'
    if (head.includes(0)) return null
    return 'csv'
  } finally {
    await handle.close()
  }
}

/** Reads the zip central directory: refuses what is not an xlsx, or would inflate beyond the limits. */
export async function checkZip(path: string, size: number): Promise<void> {
  const handle = await open(path, 'r')
  try {
    const tail = Math.min(size, 65_557)
    const buffer = Buffer.alloc(tail)
    await handle.read(buffer, 0, tail, size - tail)
    let eocd = -1
    for (let i = tail - 22; i >= 0; i--) {
      if (buffer.readUInt32LE(i) === 0x06054b50) {
        eocd = i
        break
      }
    }
    if (eocd < 0) throw new RuleViolation('imports.errors.not_xlsx')
    const entries = buffer.readUInt16LE(eocd + 10)
    const dirSize = buffer.readUInt32LE(eocd + 12)
    const dirOffset = buffer.readUInt32LE(eocd + 16)
    if (entries > MAX_ENTRIES || dirOffset + dirSize > size)
      throw new RuleViolation('imports.errors.not_xlsx')
    const dir = Buffer.alloc(dirSize)
    await handle.read(dir, 0, dirSize, dirOffset)
    let at = 0
    let total = 0
    let hasWorkbook = false
    for (let n = 0; n < entries; n++) {
      if (dir.readUInt32LE(at) !== 0x02014b50) throw new RuleViolation('imports.errors.not_xlsx')
      const compressed = dir.readUInt32LE(at + 20)
      const uncompressed = dir.readUInt32LE(at + 24)
      const nameLength = dir.readUInt16LE(at + 28)
      const extra = dir.readUInt16LE(at + 30)
      const comment = dir.readUInt16LE(at + 32)
      const name = dir.toString('utf8', at + 46, at + 46 + nameLength)
      if (name === 'xl/workbook.xml') hasWorkbook = true
      total += uncompressed
      if (compressed === 0xffffffff || uncompressed === 0xffffffff)
        throw new RuleViolation('imports.errors.zip_bomb')
      if (uncompressed > 1_000_000 && uncompressed / Math.max(compressed, 1) > MAX_RATIO)
        throw new RuleViolation('imports.errors.zip_bomb')
      at += 46 + nameLength + extra + comment
    }
    if (total > MAX_UNCOMPRESSED) throw new RuleViolation('imports.errors.zip_bomb')
    if (!hasWorkbook) throw new RuleViolation('imports.errors.not_xlsx')
  } finally {
    await handle.close()
  }
}

function checkHeader(header: string[]): Column[] {
  const names = header.map((h) =>
    String(h ?? '')
      .trim()
      .replace(/^\uFEFF/, '')
      .toLowerCase()
  )
  const missing = COLUMNS.filter((c) => !names.includes(c))
  const unknown = names.filter((n) => n && !(COLUMNS as readonly string[]).includes(n))
  if (!names.includes('row_type') || missing.length > COLUMNS.length / 2)
    throw new RuleViolation('imports.errors.wrong_template')
  if (missing.length || unknown.length)
    throw new RuleViolation('imports.errors.wrong_columns', {
      missing: missing.join(', ') || '—',
      unknown: unknown.join(', ') || '—',
    })
  return names as Column[]
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    const v = value as any
    if (Array.isArray(v.richText)) return v.richText.map((p: any) => p.text).join('')
    if ('result' in v) return cellText(v.result)
    if ('text' in v) return String(v.text)
    return ''
  }
  return String(value)
}

/** How far into the file the reader is (bytes of the file read so far): the dry run's progress. */
export interface Meter {
  bytes: number
}

async function* readCsv(path: string, meter?: Meter): AsyncGenerator<ParsedRow> {
  const input = createReadStream(path)
  const parser = input.pipe(
    parse({ bom: true, info: true, skip_empty_lines: true, relax_quotes: false, trim: false })
  )
  let header: Column[] | null = null
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const { record, info } = item
    if (!header) {
      header = checkHeader(record)
      continue
    }
    const raw: RawRow = {}
    header.forEach((c, i) => {
      if (c) raw[c] = record[i] ?? ''
    })
    if (meter) meter.bytes = input.bytesRead
    yield { line: info.lines, raw }
  }
  if (!header) throw new RuleViolation('imports.errors.empty_file')
}

async function* readXlsx(path: string, meter?: Meter): AsyncGenerator<ParsedRow> {
  const input = createReadStream(path)
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    input as any,
    {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    } as any
  )
  let header: Column[] | null = null
  for await (const sheet of reader as any) {
    for await (const row of sheet) {
      const values: unknown[] = (row.values as unknown[]).slice(1)
      if (!header) {
        header = checkHeader(values.map(cellText))
        continue
      }
      const raw: RawRow = {}
      let any = false
      header.forEach((c, i) => {
        const text = cellText(values[i])
        if (text !== '') any = true
        if (c) raw[c] = text
      })
      if (meter) meter.bytes = input.bytesRead
      if (any) yield { line: row.number, raw }
    }
    break // the first worksheet only
  }
  if (!header) throw new RuleViolation('imports.errors.empty_file')
}

export function readRows(
  path: string,
  format: 'csv' | 'xlsx',
  meter?: Meter
): AsyncGenerator<ParsedRow> {
  return format === 'csv' ? readCsv(path, meter) : readXlsx(path, meter)
}

/** Wraps parser failures (broken quotes, a damaged zip) into a readable refusal with the line when known. */
export function parserError(error: unknown): Error {
  if (error instanceof RuleViolation || error instanceof AccessDenied) return error
  const e = error as { code?: string; lines?: number; message?: string }
  if (e?.code?.startsWith('CSV_'))
    return new RuleViolation('imports.errors.csv_broken', { line: e.lines ?? '?', detail: e.code })
  return new RuleViolation('imports.errors.unreadable', {
    detail: String(e?.message ?? error).slice(0, 200),
  })
}
