/**
 * Pending deadlines as facts (`case_deadlines`, migration 0130): rewritten for one case inside the transaction
 * of each write that changes its facts, for one request when it is registered or decided, and in bulk by
 * `node ace deadlines:rebuild`. The lists and the dashboard counts read this table only (load.ts), so their
 * cost is one index range on (unit_path | officer_id, due_on), whatever the size of the province.
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { addWorkingDays, isWorkingDay, transaction } from '#core'
import { OPEN_STATUSES } from '../../state_machine.js'
import { loadFacts } from './load.js'
import { DECISION_WD, deadlinesFor, type DeadlineFacts } from './rules.js'

const OPEN = new Set<string>(OPEN_STATUSES)
const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10)

interface CaseScope {
  id: number
  unit_id: number
  unit_path: string
  officer_id: number | null
  status: string
}

/** The pending (not met) deadlines of one case, as rows; none unless the case is listable. */
async function rowsOf(c: CaseScope, f: DeadlineFacts) {
  // The lists show open cases and ended ones whose publication still has to be removed.
  if (!OPEN.has(c.status) && f.publications.length === 0) return []
  return (await deadlinesFor(f))
    .filter((d) => !d.metOn)
    .map((d) => ({
      case_id: c.id,
      request_id: null,
      unit_id: c.unit_id,
      unit_path: c.unit_path,
      officer_id: c.officer_id ?? null,
      kind: d.kind,
      anchor: d.anchor,
      anchor_date: d.anchorDate,
      due_on: d.dueOn,
      months: d.months ?? null,
    }))
}

const SCOPE_COLUMNS = ['id', 'unit_id', 'unit_path', 'officer_id', 'status', 'draft_status']

/**
 * Deletes a case's (or request's) rows by primary key after a plain read: a DELETE by a secondary key would
 * take gap locks on MariaDB, and two transactions refreshing different cases could then deadlock on their
 * inserts. The case row itself is already locked by the write (lockCase), so no one else rewrites these rows.
 */
async function deleteRows(client: QueryClientContract, column: string, value: number) {
  const ids = (await client.from('case_deadlines').where(column, value).select('id')).map(
    (r) => r.id
  )
  if (ids.length) await client.from('case_deadlines').whereIn('id', ids).delete()
}

/** Rewrites the pending deadlines of one case, in the caller's transaction. */
export async function refreshCaseDeadlines(client: QueryClientContract, caseId: number) {
  // Load the working-day calendar through this transaction if the cache is cold (a second connection
  // would wait for this one on SQLite).
  await isWorkingDay('2000-01-03', client)
  await deleteRows(client, 'case_id', caseId)
  const c = await client.from('cases').where('id', caseId).select(SCOPE_COLUMNS).first()
  if (!c || c.draft_status !== 'approved') return
  const facts = (await loadFacts([caseId], client)).get(caseId)
  if (!facts) return
  const rows = await rowsOf(c, facts)
  if (rows.length) await client.insertQuery().table('case_deadlines').multiInsert(rows)
}

/** The set-based form of refreshCaseDeadlines for many cases in one transaction (the import's chunks). */
export async function refreshCaseDeadlinesOf(client: QueryClientContract, caseIds: number[]) {
  if (!caseIds.length) return
  await isWorkingDay('2000-01-03', client)
  const old = (await client.from('case_deadlines').whereIn('case_id', caseIds).select('id')).map(
    (r) => r.id
  )
  if (old.length) await client.from('case_deadlines').whereIn('id', old).delete()
  const scopes: (CaseScope & { draft_status: string })[] = await client
    .from('cases')
    .whereIn('id', caseIds)
    .select(SCOPE_COLUMNS)
  const facts = await loadFacts(
    scopes.filter((c) => c.draft_status === 'approved').map((c) => c.id),
    client
  )
  const out: any[] = []
  for (const c of scopes) {
    const f = c.draft_status === 'approved' ? facts.get(c.id) : undefined
    if (f) out.push(...(await rowsOf(c, f)))
  }
  for (let i = 0; i < out.length; i += 500)
    await client
      .insertQuery()
      .table('case_deadlines')
      .multiInsert(out.slice(i, i + 500))
}

/** Rewrites the decision deadline of one request: present while it is pending. */
export async function refreshRequestDeadline(client: QueryClientContract, requestId: number) {
  await isWorkingDay('2000-01-03', client)
  await deleteRows(client, 'request_id', requestId)
  const r = await client
    .from('enforcement_requests as r')
    .join('units as u', 'u.id', 'r.unit_id')
    .where('r.id', requestId)
    .select('r.id', 'r.unit_id', 'r.status', 'r.received_on', 'u.path')
    .first()
  if (!r || r.status !== 'pending') return
  await client
    .insertQuery()
    .table('case_deadlines')
    .insert(await requestRow(r))
}

async function requestRow(r: any) {
  const received = iso(r.received_on)
  return {
    case_id: null,
    request_id: r.id,
    unit_id: r.unit_id,
    unit_path: r.path,
    officer_id: null,
    kind: 'request_decision',
    anchor: 'request_received',
    anchor_date: received,
    due_on: await addWorkingDays(received, DECISION_WD),
    months: null,
  }
}

/**
 * After a day was added to or removed from the calendar: recomputes the deadlines whose period crosses it
 * (anchored before it and due on or after it). Deadlines due before the day, or anchored after it, keep
 * their due day.
 */
export async function refreshDeadlinesAround(day: string) {
  await isWorkingDay(day)
  let after = 0
  for (;;) {
    const ids = await db
      .from('case_deadlines')
      .where('anchor_date', '<=', day)
      .where('due_on', '>=', day)
      .whereNotNull('case_id')
      .where('case_id', '>', after)
      .distinct('case_id')
      .orderBy('case_id')
      .limit(500)
    if (ids.length === 0) break
    for (const { case_id: id } of ids) {
      await transaction((trx) => refreshCaseDeadlines(trx, id))
      after = id
    }
  }
  const requests = await db
    .from('case_deadlines')
    .where('anchor_date', '<=', day)
    .where('due_on', '>=', day)
    .whereNotNull('request_id')
    .select('request_id')
  for (const { request_id: id } of requests)
    await transaction((trx) => refreshRequestDeadline(trx, id))
}

/**
 * Recomputes every pending deadline (after a bulk load such as `demo:generate`): accepted cases in keyset
 * chunks of ids, each chunk replaced in one transaction, then the pending requests.
 */
export async function rebuildDeadlines(
  options: { connection?: string; chunk?: number; log?: (line: string) => void } = {}
) {
  const client = db.connection(options.connection)
  const chunk = options.chunk ?? 2000
  const started = Date.now()
  let after = 0
  let cases = 0
  let rows = 0
  for (;;) {
    const batch: CaseScope[] = await client
      .from('cases')
      .where('id', '>', after)
      .where('draft_status', 'approved')
      .orderBy('id')
      .limit(chunk)
      .select(SCOPE_COLUMNS)
    if (batch.length === 0) break
    after = batch[batch.length - 1].id
    const facts = await loadFacts(
      batch.map((c) => c.id),
      client
    )
    const out: any[] = []
    for (const c of batch) {
      const f = facts.get(c.id)
      if (f) out.push(...(await rowsOf(c, f)))
    }
    await client.transaction(async (trx) => {
      await trx
        .from('case_deadlines')
        .where('case_id', '>=', batch[0].id)
        .where('case_id', '<=', after)
        .delete()
      for (let i = 0; i < out.length; i += 500)
        await trx
          .insertQuery()
          .table('case_deadlines')
          .multiInsert(out.slice(i, i + 500))
    })
    cases += batch.length
    rows += out.length
    if (options.log && cases % (chunk * 50) === 0)
      options.log(`${cases.toLocaleString('en')} cases, ${rows.toLocaleString('en')} deadlines`)
  }
  const pending = await client
    .from('enforcement_requests as r')
    .join('units as u', 'u.id', 'r.unit_id')
    .where('r.status', 'pending')
    .select('r.id', 'r.unit_id', 'r.status', 'r.received_on', 'u.path')
  await client.transaction(async (trx) => {
    await trx.from('case_deadlines').whereNotNull('request_id').delete()
    for (const r of pending)
      await trx
        .insertQuery()
        .table('case_deadlines')
        .insert(await requestRow(r))
  })
  return { cases, rows: rows + pending.length, seconds: (Date.now() - started) / 1000 }
}
