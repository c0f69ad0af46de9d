/**
 * Reads the facts the deadline rules need, in batches, and answers the case page, the overdue lists and the
 * dashboard counts. Every list starts from `visibleCases` / `scopeIntake`, so it never leaves the user's reach.
 */
import db from '@adonisjs/lucid/services/db'
import { SimplePaginator } from '@adonisjs/lucid/database'
import type { User } from '#accounts'
import { today as clockToday } from '#core'
import type Case from '../../models/case.js'
import EnforcementRequest from '../../models/enforcement_request.js'
import { OPEN_STATUSES } from '../../state_machine.js'
import { visibleCases, scopeIntake } from '../access.js'
import {
  deadlinesFor,
  pendingRequestDeadline,
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
export async function loadFacts(caseIds: number[]): Promise<Map<number, DeadlineFacts>> {
  const facts = new Map<number, DeadlineFacts>()
  for (const ids of chunks(caseIds)) {
    const cases = await db
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
    const events = await db
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
    const pubs = await db
      .from('case_publications')
      .whereIn('case_id', ids)
      .orderBy('effective_date')
      .orderBy('id')
      .select('case_id', 'action', 'effective_date')
    for (const p of pubs)
      facts
        .get(p.case_id)
        ?.publications.push({ action: p.action, effectiveDate: iso(p.effective_date) })
    const collected = await db
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

/**
 * Overdue items within the user's reach: deadlines of accepted cases (open ones, and ended ones whose
 * publication still has to be removed) and, unless the list is per officer, pending requests past their
 * 5-working-day decision deadline. Most overdue first.
 */
export async function overdueItems(user: User, filters: OverdueFilters): Promise<OverdueItem[]> {
  const today = clockToday()
  const query = visibleCases(user)
    .where('cases.draft_status', 'approved')
    .where((w) =>
      w
        .whereIn('cases.status', [...OPEN_STATUSES])
        .orWhereIn('cases.id', (sub) => sub.from('case_publications').select('case_id'))
    )
    .preload('officer', (q) => q.select('id', 'full_name'))
    .preload('unit', (q) => q.select('id', 'name'))
    .select('cases.id', 'cases.number', 'cases.debtor_name', 'cases.officer_id', 'cases.unit_id')
  if (filters.mine) query.where('cases.officer_id', user.id)
  if (filters.officerId) query.where('cases.officer_id', filters.officerId)
  const cases = await query
  const facts = await loadFacts(cases.map((c) => c.id))
  const items: OverdueItem[] = []
  for (const c of cases) {
    const f = facts.get(c.id)
    if (!f) continue
    for (const d of await deadlinesFor(f, today)) {
      if (d.state !== 'overdue' || (filters.kind && d.kind !== filters.kind)) continue
      items.push({
        ...d,
        caseId: c.id,
        caseNumber: c.number,
        debtorName: c.debtorName,
        officerId: c.officerId,
        officerName: c.officer?.fullName ?? null,
        unitName: c.unit?.name ?? '',
        requestId: null,
        requester: null,
      })
    }
  }
  if (
    !filters.mine &&
    !filters.officerId &&
    (!filters.kind || filters.kind === 'request_decision')
  ) {
    const pending = await scopeIntake(
      EnforcementRequest.query(),
      user,
      'enforcement_requests.unit_id'
    )
      .where('status', 'pending')
      .where('received_on', '<', today)
    const units = new Map<number, string>(
      (
        await db
          .from('units')
          .whereIn('id', [...new Set(pending.map((r) => r.unitId))])
          .select('id', 'name')
      ).map((u) => [u.id, u.name])
    )
    for (const r of pending) {
      const d = await pendingRequestDeadline(r.receivedOn, today)
      if (d.state !== 'overdue') continue
      items.push({
        ...d,
        caseId: null,
        caseNumber: null,
        debtorName: null,
        officerId: null,
        officerName: null,
        unitName: units.get(r.unitId) ?? '',
        requestId: r.id,
        requester: r.requester,
      })
    }
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || (a.caseId ?? 0) - (b.caseId ?? 0))
}

/** One page of a computed list, with the paginator the `pagination` component renders. */
export function pageOf<T>(items: T[], page: number, perPage = 25) {
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const current = Math.min(Math.max(1, page), last)
  const rows = items.slice((current - 1) * perPage, current * perPage)
  return new SimplePaginator(items.length, perPage, current, ...rows)
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
