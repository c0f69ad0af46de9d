/**
 * Export of cases in the import format: a unit's (subtree's) accepted cases, keyset-paged by id, each with its
 * parties, obligations, officer assignments, events and money rows — streamed, never the whole unit in memory.
 * Importing the result into an empty instance rebuilds the same derived rows (round trip, tests/functional/imports).
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ruleFor, isEventType } from '../../state_machine.js'
import { MONEY_ROW_KINDS, type RawRow } from '../format.js'

const PAGE = 300
const day = (v: unknown) =>
  v === null || v === undefined
    ? ''
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v).slice(0, 10)
const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? '').replace(' ', 'T'))
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v))

async function rowsOf(client: QueryClientContract, cases: any[]): Promise<RawRow[]> {
  if (!cases.length) return []
  const ids = cases.map((c) => Number(c.id))
  const [parties, obligations, events, money, units, judgments] = await Promise.all([
    client.from('case_parties').whereIn('case_id', ids).orderBy('id'),
    client.from('case_obligations').whereIn('case_id', ids).orderBy('id'),
    client.from('case_events').whereIn('case_id', ids).orderBy('id'),
    client
      .from('money_entries')
      .whereIn('case_id', ids)
      .whereIn('kind', [...MONEY_ROW_KINDS])
      .orderBy('id'),
    client.from('units').select('id', 'code'),
    client.from('judgments').whereIn('id', cases.map((c) => c.judgment_id).filter(Boolean)),
  ])
  const unitCode = new Map(units.map((u: any) => [Number(u.id), String(u.code)]))
  const officerIds = [
    ...new Set(
      events
        .map((e: any) => e.officer_id)
        .filter(Boolean)
        .map(Number)
    ),
  ]
  const officers = officerIds.length
    ? await client.from('users').whereIn('id', officerIds).select('id', 'email')
    : []
  const email = new Map(officers.map((o: any) => [Number(o.id), String(o.email)]))
  const judgment = new Map(judgments.map((j: any) => [Number(j.id), j]))
  const group = <T extends { case_id: number }>(list: T[]) => {
    const map = new Map<number, T[]>()
    for (const x of list) {
      const k = Number(x.case_id)
      map.set(k, [...(map.get(k) ?? []), x])
    }
    return map
  }
  const P = group(parties as any[])
  const O = group(obligations as any[])
  const E = group(events as any[])
  const M = group(money as any[])
  const out: RawRow[] = []
  for (const c of cases) {
    const id = Number(c.id)
    const k = {
      source_system: str(c.source_system) || 'THADS',
      external_id: str(c.external_id) || String(id),
    }
    const j = c.judgment_id ? judgment.get(Number(c.judgment_id)) : null
    out.push({
      row_type: 'case',
      ...k,
      unit_code: unitCode.get(Number(c.unit_id)),
      date: day(c.decision_date),
      number: str(c.number),
      kind: c.kind,
      origin: c.origin,
      credit_institution: c.credit_institution ? '1' : '0',
      judgment_number: str(j?.number),
      judgment_date: day(j?.judgment_date),
      court: str(j?.court),
      judgment_type: str(j?.type),
      note: str(c.summary),
    })
    for (const p of P.get(id) ?? [])
      out.push({
        row_type: 'party',
        ...k,
        role: p.role,
        name: p.name,
        address: str(p.address),
        id_number: str(p.id_number),
        credit_institution: p.is_credit_institution ? '1' : '',
      })
    for (const o of O.get(id) ?? [])
      out.push({
        row_type: 'obligation',
        ...k,
        kind: o.kind,
        description: o.description,
        amount: str(o.amount),
        payee: str(o.payee),
      })
    const history: { date: string; at: string; order: number; id: number; row: RawRow }[] = []
    for (const e of E.get(id) ?? []) {
      if (e.type === 'decision_approved' || !isEventType(e.type)) continue
      const at = ts(e.recorded_at)
      if (e.type === 'officer_assigned') {
        history.push({
          date: day(e.effective_date),
          at,
          order: 1,
          id: Number(e.id),
          row: {
            row_type: 'assignment',
            ...k,
            date: day(e.effective_date),
            officer_email: email.get(Number(e.officer_id)) ?? '',
          },
        })
        continue
      }
      const data = e.data ? JSON.parse(e.data) : {}
      const partial =
        e.type === 'delegated_out' && (data.scope === 'partial' || e.status_after === null)
      const rule = ruleFor(e.type)
      history.push({
        date: day(e.effective_date),
        at,
        order: 1,
        id: Number(e.id),
        row: {
          row_type: 'event',
          ...k,
          event_type: e.type,
          date: day(e.effective_date),
          number: str(e.document_number),
          legal_ground: str(e.legal_ground),
          amount: rule.amount || partial ? str(e.amount) : '',
          target_unit_code: e.target_unit_id ? (unitCode.get(Number(e.target_unit_id)) ?? '') : '',
          scope: e.type === 'delegated_out' ? (partial ? 'partial' : 'full') : '',
          officer_email: e.type === 'handover' ? (email.get(Number(e.officer_id)) ?? '') : '',
          note: str(e.note),
        },
      })
    }
    for (const m of M.get(id) ?? [])
      history.push({
        date: day(m.effective_date),
        at: ts(m.recorded_at),
        order: 0,
        id: Number(m.id),
        row: {
          row_type: 'money',
          ...k,
          kind: m.kind,
          date: day(m.effective_date),
          amount: str(m.amount),
          receipt_number: str(m.receipt_number),
          payee: str(m.payee),
        },
      })
    // The first assignment (acceptance) leads; then by day, recording time, money before events, id.
    history.sort((a, b) =>
      a.date !== b.date
        ? a.date < b.date
          ? -1
          : 1
        : a.at !== b.at
          ? a.at < b.at
            ? -1
            : 1
          : a.order !== b.order
            ? a.order - b.order
            : a.id - b.id
    )
    const firstAssign = history.findIndex((h) => h.row.row_type === 'assignment')
    if (firstAssign > 0) history.unshift(...history.splice(firstAssign, 1))
    for (const h of history) out.push(h.row)
  }
  return out
}

/** One case as import rows (what an update replaces; rollback restores it). */
export async function exportCaseRecord(
  client: QueryClientContract,
  caseId: number
): Promise<RawRow[]> {
  const cases = await client.from('cases').where('id', caseId)
  return rowsOf(client, cases)
}

/** The accepted cases of a unit subtree (path prefix), in the import format, page by page. */
export async function* exportRows(
  pathPrefix: string,
  client: QueryClientContract = db.connection()
): AsyncGenerator<RawRow> {
  let after = 0
  for (;;) {
    const cases = await client
      .from('cases')
      .where('unit_path', 'like', `${pathPrefix}%`)
      .where('draft_status', 'approved')
      .whereNotNull('decision_date')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
    if (!cases.length) return
    after = Number(cases[cases.length - 1].id)
    for (const row of await rowsOf(client, cases)) yield row
  }
}
