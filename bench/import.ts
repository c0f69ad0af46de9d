/**
 * Benchmark of the historical import (docs/performance.md, "Historical import"). In one run, on one database:
 *   1. writes a file of N cases × ~5 history rows (assignment, verification, collection, payout, and a closing
 *      or no-conditions event) for a fresh province's districts, with one bad record near the start;
 *   2. dry run of that file (the background job the upload leaves, runDryRun, claimed as a runner would): time
 *      to the first error found and to the first error stored (visible on the batch page and the API), total
 *      time, the process's peak RSS while parsing (sampled every 50 ms);
 *   3. dry run of the clean file, then the commit (runCommit: parse, re-check, write in chunks) → rows/s;
 *   4. baseline: the very rows the commit wrote, re-inserted with plain 500-row multi-row INSERTs into shadow
 *      tables (same columns and indexes), timed around the INSERT statements only → rows/s; ratio = 1 / 2.
 */
import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { COLUMNS, csvLine, rowValues, type RawRow } from '#cases/imports/format'
import ImportBatch from '#cases/imports/models/import_batch'
import { checkBatch } from '#cases/imports/services/check'
import { runDryRun } from '#cases/imports/services/dry_run'
import { runCommit } from '#cases/imports/services/commit'
import { importDisk, newImportKey } from '#cases/imports/services/storage'

const TABLES = [
  'cases',
  'case_parties',
  'case_obligations',
  'case_events',
  'case_status_spans',
  'case_assignments',
  'money_entries',
  'import_records',
]

function addDays(day: string, n: number) {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

async function writeFile(
  source: string,
  path: string,
  n: number,
  districts: string[],
  officers: Record<string, string>,
  badAt: number
) {
  const out = createWriteStream(path)
  const write = (row: RawRow) =>
    out.write(csvLine(rowValues(row)) + '\n')
      ? null
      : new Promise<void>((r) => out.once('drain', () => r()))
  out.write(csvLine(COLUMNS) + '\n')
  let rows = 0
  for (let i = 1; i <= n; i++) {
    const unit = districts[i % districts.length]
    const k = { source_system: source, external_id: `B${i}` }
    const decided = addDays('2012-01-02', i % 2500)
    const amount = 1_000_000 + (i % 97) * 100_000
    const list: RawRow[] = [
      {
        row_type: 'case',
        ...k,
        unit_code: unit,
        date: decided,
        number: `${i}/QĐ-BENCH`,
        kind: i % 3 ? 'ex_officio' : 'on_request',
        origin: 'new',
        credit_institution: i % 11 ? '0' : '1',
      },
      { row_type: 'party', ...k, role: 'debtor', name: `Người phải thi hành ${i}` },
      {
        row_type: 'obligation',
        ...k,
        kind: 'money',
        description: 'Trả nợ',
        amount: String(amount),
        payee: 'creditor',
      },
      { row_type: 'assignment', ...k, date: decided, officer_email: officers[unit] },
      { row_type: 'event', ...k, event_type: 'verified', date: addDays(decided, 15) },
      {
        row_type: 'money',
        ...k,
        kind: 'collected',
        date: addDays(decided, 30),
        amount: String(i === badAt ? amount * 3 : amount),
        receipt_number: `BL${i}`,
      },
      {
        row_type: 'money',
        ...k,
        kind: 'paid_out',
        date: addDays(decided, 40),
        amount: String(amount),
        payee: 'creditor',
      },
      i % 4
        ? { row_type: 'event', ...k, event_type: 'completed', date: addDays(decided, 50) }
        : { row_type: 'event', ...k, event_type: 'archived', date: addDays(decided, 60) },
    ]
    if (i % 4 === 0)
      list.splice(7, 1, {
        row_type: 'event',
        ...k,
        event_type: 'completed',
        date: addDays(decided, 50),
      })
    for (const row of list) {
      rows++
      const wait = write(row)
      if (wait) await wait
    }
  }
  await new Promise<void>((r) => out.end(() => r()))
  return rows
}

function rssSampler() {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  return { stop: () => (clearInterval(timer), peak) }
}

async function newBatch(user: User, path: string, name: string) {
  return ImportBatch.create({
    userId: user.id,
    unitId: user.unitId,
    unitPath: user.unit.path,
    fileName: name,
    fileKey: '',
    format: 'csv',
    fileSize: (await stat(path)).size,
    sha256: null,
    status: 'checking',
    totalRows: 0,
    totalRecords: 0,
    toCreate: 0,
    toUpdate: 0,
    unchanged: 0,
    rejected: 0,
    errorRows: 0,
    doneRecords: 0,
    progress: 0,
  })
}

export async function benchImport(n: number, log: (line: string) => void) {
  const dialect = db.connection().dialect.name
  const { province, districts } = await makeProvinceTree(5)
  const make = async (unitId: number, role: string, email: string) => {
    const u = await User.create({
      email,
      fullName: email,
      unitId,
      password: 'Bench!2345',
      status: 'active',
      mustChangePassword: false,
      sessionEpoch: 1,
    })
    await u.related('roles').create({ role: role as any })
    await u.load('roles')
    await u.load('unit')
    return u
  }
  const importer = await make(province.id, 'statistician', `stat-${province.code}@bench.invalid`)
  const head = await make(province.id, 'head', `head-${province.code}@bench.invalid`)
  const officers: Record<string, string> = {}
  for (const d of districts)
    officers[d.code] = (await make(d.id, 'officer', `chv-${d.code}@bench.invalid`)).email
  const codes = districts.map((d) => d.code)

  const badPath = join(tmpdir(), `bench-import-bad-${n}.csv`)
  const goodPath = join(tmpdir(), `bench-import-${n}.csv`)
  let t = Date.now()
  const rows = await writeFile(`BENCH-${province.code}`, goodPath, n, codes, officers, -1)
  await writeFile(`BENCH-${province.code}`, badPath, n, codes, officers, 10)
  log(
    `file: ${n} cases, ${rows} rows, ${((await stat(goodPath)).size / 1e6).toFixed(1)} MB (written in ${(Date.now() - t) / 1000} s)`
  )

  // 2. dry run of the file with a bad record: time to the first error, total, peak RSS
  const baseRss = process.memoryUsage().rss
  let firstError = 0
  let firstStored = 0
  const bad = await newBatch(importer, badPath, 'bad.csv')
  const badKey = newImportKey('csv')
  await importDisk().copyFromFs(badPath, badKey)
  bad.merge({ fileKey: badKey, claimedBy: 'bench' })
  await bad.save()
  let sampler = rssSampler()
  t = Date.now()
  await runDryRun(bad.id, 'bench', {
    onFirstError: () => (firstError = Date.now() - t),
    onProgress: async (_p, counts) => {
      if (counts.errors > 0 && !firstStored) firstStored = Date.now() - t
    },
  })
  const checkBad = Date.now() - t
  const peakCheck = sampler.stop()
  await bad.refresh()
  log(
    `dry run job (bad file): first error found after ${(firstError / 1000).toFixed(2)} s, stored (visible) after ${(firstStored / 1000).toFixed(2)} s, whole file ${(checkBad / 1000).toFixed(1)} s, status ${bad.status}, errors ${bad.errorRows}, RSS before ${(baseRss / 2 ** 20).toFixed(0)} MiB, peak ${(peakCheck / 2 ** 20).toFixed(0)} MiB`
  )

  // 3. clean file: dry run then commit
  const good = await newBatch(importer, goodPath, 'good.csv')
  t = Date.now()
  await checkBatch(good, importer, goodPath)
  const checkGood = Date.now() - t
  good.merge({ status: 'committing', confirmedById: head.id })
  await good.save()
  const key = newImportKey('csv')
  await importDisk().copyFromFs(goodPath, key)
  good.fileKey = key
  await good.save()
  sampler = rssSampler()
  t = Date.now()
  await runCommit(good, { chunkSize: Number(process.env.IMPORT_CHUNK ?? 0) || undefined })
  const commitMs = Date.now() - t
  const peakCommit = sampler.stop()
  const written: Record<string, number> = {}
  const caseIds = db.from('cases').where('import_batch_id', good.id).select('id')
  for (const table of TABLES) {
    const q =
      table === 'cases'
        ? db.from('cases').where('import_batch_id', good.id)
        : table === 'import_records'
          ? db.from(table).where('batch_id', good.id)
          : db.from(table).whereIn('case_id', caseIds)
    written[table] = Number((await q.count('* as n').first()).n)
  }
  written.audit_events = Number(
    (
      await db
        .from('audit_events')
        .where('action', 'case.imported')
        .whereRaw('after like ?', [`%"batchId":${good.id},%`])
        .count('* as n')
        .first()
    ).n
  )
  const total = Object.values(written).reduce((a, b) => a + b, 0)
  log(
    `dry run (clean): ${(checkGood / 1000).toFixed(1)} s; commit: ${(commitMs / 1000).toFixed(1)} s, ${total} rows written ${JSON.stringify(written)}, peak RSS ${(peakCommit / 2 ** 20).toFixed(0)} MiB`
  )

  // 4. baseline: the same rows, plain multi-row INSERTs into shadow tables, timed around the INSERTs only
  let insertMs = 0
  let copied = 0
  for (const table of [...TABLES, 'audit_events']) {
    const shadow = `bench_${table}`
    await db.rawQuery(`DROP TABLE IF EXISTS ${shadow}`)
    if (dialect === 'mysql') await db.rawQuery(`CREATE TABLE ${shadow} LIKE ${table}`)
    else {
      const ddl = (
        await db.rawQuery(`SELECT sql FROM sqlite_master WHERE type='table' AND name=?`, [table])
      )[0].sql as string
      await db.rawQuery(
        ddl
          .replace(/CREATE TABLE [`"]?\w+[`"]?/, `CREATE TABLE ${shadow}`)
          .replace(
            /,\s*(constraint\s+\S+\s+)?foreign key[^,]*references[^,)]*\([^)]*\)( on delete \w+)?/gi,
            ''
          )
      )
    }
    let after = 0
    for (;;) {
      const q =
        table === 'cases'
          ? db.from('cases').where('import_batch_id', good.id)
          : table === 'import_records'
            ? db.from(table).where('batch_id', good.id)
            : table === 'audit_events'
              ? db
                  .from(table)
                  .where('action', 'case.imported')
                  .whereRaw('after like ?', [`%"batchId":${good.id},%`])
              : db.from(table).whereIn('case_id', caseIds)
      const page = await q.where('id', '>', after).orderBy('id').limit(5000)
      if (!page.length) break
      after = Number(page[page.length - 1].id)
      const started = Date.now()
      await db.transaction(async (trx) => {
        for (let i = 0; i < page.length; i += 500)
          await trx
            .insertQuery()
            .table(shadow)
            .multiInsert(page.slice(i, i + 500))
      })
      insertMs += Date.now() - started
      copied += page.length
    }
    await db.rawQuery(`DROP TABLE IF EXISTS ${shadow}`)
  }
  const importRate = total / (commitMs / 1000)
  const rawRate = copied / (insertMs / 1000)
  log(`baseline: ${copied} rows by 500-row INSERTs in ${(insertMs / 1000).toFixed(1)} s`)
  log(
    `import ${importRate.toFixed(0)} rows/s vs raw INSERT ${rawRate.toFixed(0)} rows/s: ratio ${(importRate / rawRate).toFixed(2)} (${dialect})`
  )
  return {
    n,
    rows,
    firstError,
    checkBad,
    checkGood,
    commitMs,
    total,
    importRate,
    rawRate,
    peakCheck,
    peakCommit,
    baseRss,
  }
}
