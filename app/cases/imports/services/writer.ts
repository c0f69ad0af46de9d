/**
 * The commit of one chunk of records, in ONE transaction: every case of the chunk is written whole (case,
 * judgment, parties, obligations, events, status spans, assignment spans, money entries, caches — the rows the
 * live actions write, computed by simulate.ts), or an updated case is replaced whole; the batch's checkpoint
 * (done_records) moves in the same transaction, so a process killed at any point resumes after the last chunk
 * that committed, and a record committed twice is found "unchanged" by its (source_system, external_id) key.
 */
import { transaction } from '#core'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type ImportBatch from '../models/import_batch.js'
import type { ImportLookup } from './lookup.js'
import { judge, type Verdict } from './check.js'
import type { ImportRecord, RowError } from './record.js'
import type { Plan } from './simulate.js'
import { exportCaseRecord } from './export.js'
import { refreshSearchTermsOf } from '../../services/search/terms.js'
import { refreshCaseDeadlinesOf } from '../../services/deadlines/store.js'

const nowSql = () => new Date().toISOString().slice(0, 19).replace('T', ' ')

export async function insertMany(
  trx: TransactionClientContract,
  table: string,
  rows: Record<string, unknown>[],
  slice = 300
) {
  for (let i = 0; i < rows.length; i += slice)
    await trx
      .insertQuery()
      .table(table)
      .multiInsert(rows.slice(i, i + slice))
}

/** Every table holding a case's derived rows, children first. */
export async function deleteCaseFacts(trx: TransactionClientContract, caseIds: number[]) {
  if (!caseIds.length) return
  for (const table of [
    'money_entries',
    'case_assignments',
    'case_status_spans',
    'case_events',
    'case_parties',
    'case_obligations',
    'case_search_terms',
    'case_deadlines',
  ])
    await trx.from(table).whereIn('case_id', caseIds).delete()
}

export interface Touched {
  /** unit id → statistical-year-independent list of the earliest dates written per unit (for revisions) */
  dates: Map<number, Set<string>>
}

export interface ChunkResult {
  created: number
  updated: number
  unchanged: number
  rejected: number
  touched: Map<number, string[]>
}

function caseColumns(
  plan: Plan,
  batch: ImportBatch,
  record: ImportRecord,
  hash: string,
  judgmentId: number | null,
  now: string
) {
  return {
    unit_id: plan.unit.id,
    unit_path: plan.unit.path,
    year: Number(plan.caseRow.decisionDate.slice(0, 4)),
    seq: null,
    number: plan.caseRow.number,
    draft_status: 'approved',
    decision_date: plan.caseRow.decisionDate,
    kind: plan.caseRow.kind,
    origin: plan.caseRow.origin,
    judgment_id: judgmentId,
    officer_id: plan.officerId,
    credit_institution: plan.caseRow.creditInstitution,
    debtor_name: plan.caseRow.debtorName,
    creditor_name: plan.caseRow.creditorName,
    summary: plan.caseRow.summary,
    status: plan.status,
    remaining: plan.remaining,
    held: plan.held,
    drafted_by_id: batch.userId,
    reviewed_by_id: batch.confirmedById,
    source_system: record.source,
    external_id: record.externalId,
    import_batch_id: batch.id,
    import_hash: hash,
    updated_at: now,
  }
}

export async function commitChunk(
  batch: ImportBatch,
  records: ImportRecord[],
  lookup: ImportLookup,
  doneAfter: number,
  actor: { id: number; email: string },
  options: { restore?: boolean } = {}
): Promise<ChunkResult> {
  await lookup.prepare(records)
  return transaction(async (trx) => {
    const existing = await lookup.existing(records, trx)
    const result: ChunkResult = {
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      touched: new Map(),
    }
    const now = nowSql()
    const work: {
      record: ImportRecord
      verdict: Extract<Verdict, { plan: Plan }>
      caseId?: number
    }[] = []
    for (const record of records) {
      const errors: RowError[] = []
      const verdict = judge(record, lookup, existing, errors)
      if (verdict.action === 'rejected') result.rejected++
      else if (verdict.action === 'unchanged') result.unchanged++
      else work.push({ record, verdict })
    }
    const importRecords: Record<string, unknown>[] = []
    // Updates: keep the case id, remember the case as it was, drop its facts, rewrite below.
    const updates = work.filter((w) => w.verdict.action === 'update')
    for (const w of updates) {
      const v = w.verdict as Extract<Verdict, { action: 'update' }>
      w.caseId = v.existing.id
      const previous = await exportCaseRecord(trx, v.existing.id)
      importRecords.push({
        batch_id: batch.id,
        case_id: v.existing.id,
        action: 'update',
        previous_batch_id: v.existing.batchId,
        previous: JSON.stringify(previous),
      })
    }
    await deleteCaseFacts(
      trx,
      updates.map((w) => w.caseId!)
    )
    for (const w of work) {
      const { plan, hash } = w.verdict
      let judgmentId: number | null = null
      if (plan.judgment) {
        const [id] = await trx.insertQuery().table('judgments').insert({
          unit_id: plan.unit.id,
          number: plan.judgment.number,
          judgment_date: plan.judgment.date,
          court: plan.judgment.court,
          type: plan.judgment.type,
          received_on: plan.caseRow.decisionDate,
          created_by_id: batch.userId,
          created_at: now,
          updated_at: now,
        })
        judgmentId = Number(id)
      }
      const columns = caseColumns(plan, batch, w.record, hash, judgmentId, now)
      if (w.caseId) {
        const old = await trx.from('cases').where('id', w.caseId).select('judgment_id').first()
        await trx.from('cases').where('id', w.caseId).update(columns)
        if (old?.judgment_id) await trx.from('judgments').where('id', old.judgment_id).delete()
      } else {
        ;(w as any).row = { ...columns, created_at: now }
      }
    }
    const creates = work.filter((w) => !w.caseId)
    await insertMany(
      trx,
      'cases',
      creates.map((w) => (w as any).row)
    )
    if (creates.length) {
      // read back the new ids on the unique (source_system, external_id) index
      const bySource = new Map<string, string[]>()
      for (const w of creates)
        bySource.set(w.record.source, [
          ...(bySource.get(w.record.source) ?? []),
          w.record.externalId,
        ])
      const ids: any[] = []
      for (const [source, list] of bySource)
        ids.push(
          ...(await trx
            .from('cases')
            .where('source_system', source)
            .whereIn('external_id', list)
            .select('id', 'source_system', 'external_id'))
        )
      const byKey = new Map(
        ids.map((r) => [`${r.source_system}\u0000${r.external_id}`, Number(r.id)])
      )
      for (const w of creates) {
        w.caseId = byKey.get(`${w.record.source}\u0000${w.record.externalId}`)
        importRecords.push({
          batch_id: batch.id,
          case_id: w.caseId,
          action: 'create',
          previous_batch_id: null,
          previous: null,
        })
      }
    }
    const parties: Record<string, unknown>[] = []
    const obligations: Record<string, unknown>[] = []
    const events: Record<string, unknown>[] = []
    for (const w of work) {
      const { plan } = w.verdict
      for (const p of plan.parties)
        parties.push({
          case_id: w.caseId,
          role: p.role,
          name: p.name,
          address: p.address,
          id_number: p.idNumber,
          is_credit_institution: p.credit,
        })
      for (const o of plan.obligations)
        obligations.push({
          case_id: w.caseId,
          kind: o.kind,
          description: o.description,
          amount: o.amount,
          payee: o.payee,
        })
      for (const e of plan.events)
        events.push({
          case_id: w.caseId,
          unit_id: plan.unit.id,
          type: e.type,
          effective_date: e.date,
          recorded_at: now,
          actor_id: batch.userId,
          document_number: e.documentNumber,
          legal_ground: e.legalGround,
          amount: e.amount,
          status_after: e.statusAfter,
          target_unit_id: e.targetUnitId,
          officer_id: e.officerId,
          data: JSON.stringify({ ...(e.data ?? {}), importBatchId: batch.id }),
          note: e.note,
          import_batch_id: batch.id,
        })
    }
    await insertMany(trx, 'case_parties', parties)
    await insertMany(trx, 'case_obligations', obligations)
    await insertMany(trx, 'case_events', events)
    const ids = work.map((w) => w.caseId!)
    const eventIds = new Map<number, number[]>()
    if (ids.length) {
      const rows = await trx
        .from('case_events')
        .whereIn('case_id', ids)
        .orderBy('id')
        .select('id', 'case_id')
      for (const r of rows) {
        const list = eventIds.get(Number(r.case_id)) ?? []
        list.push(Number(r.id))
        eventIds.set(Number(r.case_id), list)
      }
    }
    const spans: Record<string, unknown>[] = []
    const assignments: Record<string, unknown>[] = []
    const money: Record<string, unknown>[] = []
    const audits: Record<string, unknown>[] = []
    for (const w of work) {
      const { plan } = w.verdict
      const evIds = eventIds.get(w.caseId!) ?? []
      for (const s of plan.spans)
        spans.push({
          case_id: w.caseId,
          unit_id: plan.unit.id,
          unit_path: plan.unit.path,
          status: s.status,
          from_date: s.from,
          to_date: s.to,
          event_id: evIds[s.event] ?? null,
        })
      for (const a of plan.assignments)
        assignments.push({
          case_id: w.caseId,
          unit_id: plan.unit.id,
          officer_id: a.officerId,
          from_date: a.from,
          to_date: a.to,
          handover_id: null,
        })
      for (const m of plan.money)
        money.push({
          case_id: w.caseId,
          unit_id: plan.unit.id,
          unit_path: plan.unit.path,
          kind: m.kind,
          amount: m.amount,
          effective_date: m.date,
          receipt_number: m.receiptNumber,
          payee: m.payee,
          event_id: m.event === null ? null : (evIds[m.event] ?? null),
          officer_id: m.officerId,
          actor_id: batch.userId,
          recorded_at: now,
          import_batch_id: batch.id,
        })
      const dates = result.touched.get(plan.unit.id) ?? []
      dates.push(plan.firstDate)
      result.touched.set(plan.unit.id, dates)
      audits.push({
        occurred_at: now,
        actor_id: actor.id,
        actor_email: actor.email,
        unit_id: plan.unit.id,
        unit_path: plan.unit.path,
        action: options.restore
          ? 'case.import_restored'
          : w.verdict.action === 'create'
            ? 'case.imported'
            : 'case.import_updated',
        outcome: 'ok',
        subject_type: 'case',
        subject_id: String(w.caseId),
        before: null,
        after: JSON.stringify({
          batchId: batch.id,
          file: batch.fileName,
          line: w.record.line,
          sourceSystem: w.record.source,
          externalId: w.record.externalId,
          importedBy: batch.userId,
          status: plan.status,
          remaining: plan.remaining,
        }),
      })
      if (w.verdict.action === 'create') result.created++
      else result.updated++
    }
    await insertMany(trx, 'case_status_spans', spans)
    await insertMany(trx, 'case_assignments', assignments)
    await insertMany(trx, 'money_entries', money)
    // The same derived facts the live path keeps (header search terms, legal deadlines), in this transaction,
    // set-based for the whole chunk (a few reads per chunk instead of ~10 queries per case).
    const caseIds = work.map((w) => w.caseId!)
    await refreshSearchTermsOf(trx, caseIds)
    await refreshCaseDeadlinesOf(trx, caseIds)
    if (!options.restore) await insertMany(trx, 'import_records', importRecords)
    await insertMany(trx, 'audit_events', audits)
    if (!options.restore)
      await trx
        .from('import_batches')
        .where('id', batch.id)
        .update({
          done_records: doneAfter,
          progress: batch.totalRecords
            ? Math.min(99, Math.floor((doneAfter * 100) / batch.totalRecords))
            : 99,
          heartbeat_at: now,
          updated_at: now,
        })
    return result
  })
}
