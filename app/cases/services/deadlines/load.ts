/**
 * Reads the facts the deadline rules need, in batches (the case page; store.ts keeps `case_deadlines` from
 * them), and answers the overdue lists and the dashboard counts from `case_deadlines`, scoped like
 * `visibleCases` / `scopeIntake`, so a list never leaves the user's reach.
 */
import db from '@adonisjs/lucid/services/db'
import { SimplePaginator } from '@adonisjs/lucid/database'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { reachPrefix, type User } from '#accounts'
import { today as clockToday } from '#core'
import type Case from '../../models/case.js'
import { SUBTREE_READERS } from '../access.js'
import {
  deadlinesFor,
  settle,
  type Deadline,
  type DeadlineFacts,
  type DeadlineKind,
} from './rules.js'

const CHUNK = 400
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK)
  )
const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10)
const resultOf = (data: unknown): string | null => {
  if (!data) return null
  try {
    const parsed = typeof data === 'string' ? JSON.parse(data) : data
    return (parsed as { result?: string })?.result ?? null
  } catch {
    return null
  }
}

/** Facts of many cases at once: four queries per chunk of case ids. */
export async function loadFacts(
  caseIds: number[],
  client: QueryClientContract = db.connection()
): Promise<Map<number, DeadlineFacts>> {
  const facts = new Map<number, DeadlineFacts>()
  for (const ids of chunks(caseIds)) {
    const cases = await client
      .from('cases')
      .leftJoin('enforcement_requests', 'enforcement_requests.id', 'cases.request_id')
      .whereIn('cases.id', ids)
      .select(
        'cases.id',
        'cases.decision_date',
        'cases.status',
        'cases.reverify_reason',
        'enforcement_requests.received_on as request_received_on'
      )
    for (const c of cases) {
      facts.set(c.id, {
        decisionDate: c.decision_date ? iso(c.decision_date) : null,
        status: c.status,
        reverifyReason: c.reverify_reason ?? null,
        requestReceivedOn: c.request_received_on ? iso(c.request_received_on) : null,
        events: [],
        publications: [],
        collections: [],
      })
    }
    const events = await client
      .from('case_events')
      .whereIn('case_id', ids)
      .orderBy('effective_date')
      .orderBy('id')
      .select('id', 'case_id', 'type', 'effective_date', 'status_after', 'data')
    for (const e of events) {
      facts.get(e.case_id)?.events.push({
        id: e.id,
        type: e.type,
        effectiveDate: iso(e.effective_date),
        statusAfter: e.status_after ?? null,
        result: e.type === 'verified' ? resultOf(e.data) : null,
      })
    }
    const pubs = await client
      .from('case_publications')
      .whereIn('case_id', ids)
      .orderBy('effective_date')
      .orderBy('id')
      .select('case_id', 'action', 'effective_date')
    for (const p of pubs)
      facts
        .get(p.case_id)
        ?.publications.push({ action: p.action, effectiveDate: iso(p.effective_date) })
    const collected = await client
      .from('money_entries')
      .whereIn('case_id', ids)
      .where('kind', 'collected')
      .select('case_id', 'effective_date')
    for (const m of collected) facts.get(m.case_id)?.collections.push(iso(m.effective_date))
  }
  return facts
}

/** Deadlines of one case the caller has already read-checked. */
export async function caseDeadlines(c: Pick<Case, 'id' | 'draftStatus'>): Promise<Deadline[]> {
  if (c.draftStatus !== 'approved') return []
  const facts = (await loadFacts([c.id])).get(c.id)
  return facts ? deadlinesFor(facts) : []
}

export interface OverdueItem extends Deadline {
  caseId: number | null
  caseNumber: string | null
  debtorName: string | null
  officerId: number | null
  officerName: string | null
  unitName: string
  requestId: number | null
  requester: string | null
}

export interface OverdueFilters {
  mine?: boolean
  officerId?: number | null
  kind?: DeadlineKind | null
}

/** `unit_path` prefix as an index range: paths hold digits and `/`, and `0` follows `/`. */
export function pathRange(prefix: string): [string, string] {
  return [prefix, `${prefix.slice(0, -1)}0`]
}

/**
 * The overdue deadlines within the user's reach (`case_deadlines` rows due before today), filtered in SQL:
 * the same reach as `visibleCases` / `scopeIntake` — subtree (admin, head, statistician), assigned cases
 * (officer), own unit (clerk), everything (inspector). Pending requests have no officer, so a per-officer list
 * (mine, officer filter) holds case deadlines only.
 */
function overdueQuery(user: User, filters: OverdueFilters, today: string) {
  const q = db.from('case_deadlines as d').where('d.due_on', '<', today)
  if (filters.mine) q.where('d.officer_id', user.id)
  if (filters.officerId) q.where('d.officer_id', filters.officerId)
  if (filters.kind) q.where('d.kind', filters.kind)
  if (user.hasRole('inspector')) return q
  const prefix = reachPrefix(user, SUBTREE_READERS)
  const branches: ((w: any) => void)[] = []
  if (prefix === '/') return q
  if (prefix) {
    const [lo, hi] = pathRange(prefix)
    branches.push((w) => w.where('d.unit_path', '>=', lo).where('d.unit_path', '<', hi))
  }
  if (user.hasRole('officer')) branches.push((w) => w.where('d.officer_id', user.id))
  if (user.hasRole('intake_clerk')) branches.push((w) => w.where('d.unit_id', user.unitId))
  if (branches.length === 0) return q.whereRaw('1 = 0')
  if (branches.length === 1) return q.where((w) => branches[0](w))
  return q.where((w) => {
    for (const b of branches) w.orWhere((x: any) => b(x))
  })
}

/** How many overdue items the list would show: one count over an index range. */
export async function overdueCount(user: User, filters: OverdueFilters = {}): Promise<number> {
  const [row] = await overdueQuery(user, filters, clockToday()).count('* as total')
  return Number(row?.total ?? 0)
}

/** One page of the overdue list, most overdue first, with names read for that page only. */
export async function overduePage(
  user: User,
  filters: OverdueFilters,
  page: number,
  perPage = 25
): Promise<SimplePaginator> {
  const today = clockToday()
  const total = await overdueCount(user, filters)
  const last = Math.max(1, Math.ceil(total / perPage))
  const current = Math.min(Math.max(1, page), last)
  // Deferred join: order and slice the narrow index entries, then read the page's rows by id.
  const ids = (
    await overdueQuery(user, filters, today)
      .orderBy('d.due_on')
      .orderBy('d.case_id')
      .orderBy('d.id')
      .offset((current - 1) * perPage)
      .limit(perPage)
      .select('d.id')
  ).map((r) => r.id)
  const byId = new Map(
    (ids.length ? await db.from('case_deadlines').whereIn('id', ids).select('*') : []).map((r) => [
      r.id,
      r,
    ])
  )
  const rows = ids.map((id) => byId.get(id)).filter(Boolean)
  return new SimplePaginator(total, perPage, current, ...(await describe(rows, today)))
}

/** Every overdue item in reach (tests and small callers; the pages use `overduePage`). */
export async function overdueItems(user: User, filters: OverdueFilters): Promise<OverdueItem[]> {
  const today = clockToday()
  const rows = await overdueQuery(user, filters, today)
    .orderBy('d.due_on')
    .orderBy('d.case_id')
    .orderBy('d.id')
    .select('d.*')
  return describe(rows, today)
}

async function describe(rows: any[], today: string): Promise<OverdueItem[]> {
  const caseIds = [...new Set(rows.map((r) => r.case_id).filter(Boolean))]
  const requestIds = [...new Set(rows.map((r) => r.request_id).filter(Boolean))]
  const cases = caseIds.length
    ? await db
        .from('cases as c')
        .leftJoin('users as o', 'o.id', 'c.officer_id')
        .whereIn('c.id', caseIds)
        .select('c.id', 'c.number', 'c.debtor_name', 'c.officer_id', 'o.full_name as officer_name')
    : []
  const requests = requestIds.length
    ? await db.from('enforcement_requests').whereIn('id', requestIds).select('id', 'requester')
    : []
  const unitIds = [...new Set(rows.map((r) => r.unit_id))]
  const units = unitIds.length
    ? await db.from('units').whereIn('id', unitIds).select('id', 'name')
    : []
  const caseOf = new Map(cases.map((c) => [c.id, c]))
  const requestOf = new Map(requests.map((r) => [r.id, r]))
  const unitOf = new Map(units.map((u) => [u.id, u.name as string]))
  return rows.map((r) => {
    const c = r.case_id ? caseOf.get(r.case_id) : null
    const d = settle(r.kind, r.anchor, iso(r.anchor_date), iso(r.due_on), null, today, {
      ...(r.months ? { months: Number(r.months) } : {}),
    })
    return {
      ...d,
      caseId: r.case_id ?? null,
      caseNumber: c?.number ?? null,
      debtorName: c?.debtor_name ?? null,
      officerId: c?.officer_id ?? null,
      officerName: c?.officer_name ?? null,
      unitName: unitOf.get(r.unit_id) ?? '',
      requestId: r.request_id ?? null,
      requester: r.request_id ? (requestOf.get(r.request_id)?.requester ?? null) : null,
    }
  })
}

/** Publication history of a case, oldest first. */
export function publicationsOf(caseId: number) {
  return db
    .from('case_publications')
    .where('case_id', caseId)
    .orderBy('effective_date')
    .orderBy('id')
    .select('id', 'action', 'effective_date', 'reference')
}
