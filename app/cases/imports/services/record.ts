/**
 * Groups the streamed rows of the import format into case records (a `case` row and the rows that follow with
 * the same key) and checks each row's own fields. Row-level problems become errors with the file's line number.
 */
import { createHash } from 'node:crypto'
import { ROW_TYPES, type RawRow, type RowType } from '../format.js'

export interface Row {
  line: number
  type: RowType
  raw: RawRow
}

export interface ImportRecord {
  source: string
  externalId: string
  line: number
  lastLine: number
  head: Row
  rows: Row[]
}

export interface RowError {
  line: number
  externalId: string | null
  field: string | null
  code: string
  data?: Record<string, unknown>
}

export const key = (source: string, externalId: string) => `${source}\u0000${externalId}`

/**
 * Stateful grouper: push rows in file order; a record is returned when the next case starts (or on `end`).
 * Rows that cannot belong to any record (no key, unknown type, orphan rows) are reported through `onError`.
 */
export class RecordGrouper {
  private current: ImportRecord | null = null
  private seen = new Set<string>()

  constructor(private onError: (e: RowError) => void) {}

  push(line: number, raw: RawRow): ImportRecord | null {
    const type = (raw.row_type ?? '').trim() as RowType
    const source = (raw.source_system ?? '').trim()
    const externalId = (raw.external_id ?? '').trim()
    if (!ROW_TYPES.includes(type)) {
      this.onError({
        line,
        externalId: externalId || null,
        field: 'row_type',
        code: 'imports.errors.row_type',
        data: { value: raw.row_type ?? '' },
      })
      return null
    }
    if (!source || !externalId) {
      this.onError({
        line,
        externalId: externalId || null,
        field: source ? 'external_id' : 'source_system',
        code: 'imports.errors.key_missing',
      })
      return null
    }
    const k = key(source, externalId)
    if (type === 'case') {
      const done = this.current
      this.current = null
      if (this.seen.has(k)) {
        this.onError({
          line,
          externalId,
          field: 'external_id',
          code: 'imports.errors.duplicate_key',
          data: { source, externalId },
        })
      } else {
        this.seen.add(k)
        const head = { line, type, raw }
        this.current = { source, externalId, line, lastLine: line, head, rows: [] }
      }
      return done
    }
    if (!this.current || key(this.current.source, this.current.externalId) !== k) {
      this.onError({
        line,
        externalId,
        field: 'external_id',
        code: this.seen.has(k) ? 'imports.errors.not_contiguous' : 'imports.errors.orphan_row',
        data: { source, externalId },
      })
      return null
    }
    this.current.rows.push({ line, type, raw })
    this.current.lastLine = line
    return null
  }

  end(): ImportRecord | null {
    const done = this.current
    this.current = null
    return done
  }
}

/** The canonical text of a record (what it says, not where it sits in the file): equal text = unchanged. */
export function recordHash(record: ImportRecord): string {
  const clean = (raw: RawRow) =>
    Object.entries(raw)
      .filter(
        ([k, v]) => v !== undefined && v !== null && String(v).trim() !== '' && k !== 'note_line'
      )
      .map(([k, v]) => [k, String(v).trim()])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
  const body = JSON.stringify([clean(record.head.raw), ...record.rows.map((r) => clean(r.raw))])
  return createHash('sha256').update(body).digest('hex')
}
