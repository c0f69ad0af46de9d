/**
 * Streams an import file into chunks of case records: rows → records (RecordGrouper) → chunks of CHUNK records.
 * Memory holds one chunk, never the file. Used by the dry run and by the commit (which re-reads the kept file).
 */
import { readRows, parserError, type Meter } from './reader.js'
import { RecordGrouper, type ImportRecord, type RowError } from './record.js'

export const CHUNK = 250

export interface Progress {
  rows: number
  records: number
  /** bytes of the file read so far */
  bytes: number
}

export async function eachChunk(
  path: string,
  format: 'csv' | 'xlsx',
  onRowError: (e: RowError) => void | Promise<void>,
  onChunk: (records: ImportRecord[], progress: Progress) => Promise<void>,
  chunkSize = CHUNK
): Promise<Progress> {
  const pendingErrors: RowError[] = []
  const grouper = new RecordGrouper((e) => pendingErrors.push(e))
  const progress = { rows: 0, records: 0, bytes: 0 }
  const meter: Meter = { bytes: 0 }
  let chunk: ImportRecord[] = []
  const flushErrors = async () => {
    while (pendingErrors.length) await onRowError(pendingErrors.shift()!)
  }
  const emit = async () => {
    await flushErrors()
    if (!chunk.length) return
    const records = chunk
    chunk = []
    progress.records += records.length
    progress.bytes = meter.bytes
    await onChunk(records, progress)
  }
  try {
    for await (const { line, raw } of readRows(path, format, meter)) {
      progress.rows++
      const done = grouper.push(line, raw)
      if (done) {
        chunk.push(done)
        if (chunk.length >= chunkSize) await emit()
      }
    }
  } catch (error) {
    throw parserError(error)
  }
  const last = grouper.end()
  if (last) chunk.push(last)
  await emit()
  await flushErrors()
  return progress
}
