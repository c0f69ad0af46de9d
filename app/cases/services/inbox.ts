/**
 * The task inbox: what waits for this user, newest first. Each source is one small indexed query bounded by
 * the user's unit or own id (approvals, handovers, delegations, returned drafts, pending requests, edit
 * requests); deadlines "due in the next days" are read from the stored deadline facts (`case_deadlines`,
 * officer_id + due_on index), never recomputed per request.
 */
import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { addDays, today } from '#core'

export const INBOX_HORIZON_DAYS = 7
const LIMIT = 50

export interface InboxItem {
  kind:
    | 'approval'
    | 'returned_draft'
    | 'handover_confirm'
    | 'handover_incoming'
    | 'delegation_confirm'
    | 'delegation_receive'
    | 'deadline'
    | 'request_pending'
    | 'edit_request_confirm'
    | 'edit_request_approve'
    | 'edit_request_decided'
  /** Sort key: when it arrived (ISO timestamp or day). */
  at: string
  label: string
  detail?: string | null
  /** Placeholders of `detail` when it is an i18n key (e.g. the reverification's months). */
  detailParams?: Record<string, number>
  dueOn?: string | null
  overdue?: boolean
  route: string
  params: Record<string, number>
}

const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString() : v ? String(v).replace(' ', 'T') : ''

/** One source of the inbox: who sees it, its bounded query, and how a row becomes an item. */
interface Source {
  kind: InboxItem['kind']
  when: (user: User) => boolean
  query: (user: User) => any
  /** The column that says when the row arrived (also the query's order). */
  at: string
  route: string
  label: (row: any) => string
  detail?: (row: any) => string | null
}

const SOURCES: Source[] = [
  {
    kind: 'approval',
    when: (u) => u.hasRole('head'),
    query: (u) =>
      db
        .from('cases')
        .where('unit_id', u.unitId)
        .where('draft_status', 'submitted')
        .select('id', 'debtor_name', 'updated_at'),
    at: 'updated_at',
    route: 'decisions.show',
    label: (r) => r.debtor_name ?? `#${r.id}`,
  },
  {
    kind: 'handover_confirm',
    when: (u) => u.hasRole('head'),
    query: (u) =>
      db
        .from('handovers')
        .where('unit_id', u.unitId)
        .where('status', 'proposed')
        .select('id', 'case_count', 'created_at'),
    at: 'created_at',
    route: 'handovers.show',
    label: (r) => String(r.case_count),
  },
  {
    kind: 'delegation_confirm',
    when: (u) => u.hasRole('head'),
    query: (u) =>
      db
        .from('delegations')
        .where('from_unit_id', u.unitId)
        .where('status', 'proposed')
        .select('id', 'created_at'),
    at: 'created_at',
    route: 'delegations.show',
    label: (r) => `#${r.id}`,
  },
  {
    kind: 'delegation_receive',
    when: (u) => u.hasRole('head'),
    query: (u) =>
      db
        .from('delegations')
        .where('to_unit_id', u.unitId)
        .where('status', 'confirmed')
        .select('id', 'created_at'),
    at: 'created_at',
    route: 'delegations.show',
    label: (r) => `#${r.id}`,
  },
  {
    kind: 'edit_request_confirm',
    when: (u) => u.hasRole('head'),
    query: (u) =>
      db
        .from('edit_requests')
        .where('unit_id', u.unitId)
        .where('status', 'pending_confirmation')
        .select('id', 'month', 'requested_at'),
    at: 'requested_at',
    route: 'periods.requests.show',
    label: (r) => String(r.month),
  },
  {
    kind: 'edit_request_approve',
    when: (u) => u.hasRole('head') && u.unit.level === 'national',
    query: () =>
      db
        .from('edit_requests')
        .where('status', 'pending_approval')
        .select('id', 'month', 'requested_at'),
    at: 'requested_at',
    route: 'periods.requests.show',
    label: (r) => String(r.month),
  },
  {
    kind: 'handover_incoming',
    when: (u) => u.hasRole('officer'),
    query: (u) =>
      db
        .from('handovers')
        .where('to_officer_id', u.id)
        .where('status', 'proposed')
        .select('id', 'case_count', 'created_at'),
    at: 'created_at',
    route: 'handovers.show',
    label: (r) => String(r.case_count),
  },
  {
    kind: 'returned_draft',
    when: (u) => u.hasRole('intake_clerk'),
    query: (u) =>
      db
        .from('cases')
        .where('unit_id', u.unitId)
        .where('draft_status', 'rejected')
        .select('id', 'debtor_name', 'review_comment', 'updated_at'),
    at: 'updated_at',
    route: 'decisions.show',
    label: (r) => r.debtor_name ?? `#${r.id}`,
    detail: (r) => r.review_comment,
  },
  {
    kind: 'request_pending',
    when: (u) => u.hasRole('intake_clerk'),
    query: (u) =>
      db
        .from('enforcement_requests')
        .where('unit_id', u.unitId)
        .where('status', 'pending')
        .select('id', 'requester', 'received_on'),
    at: 'received_on',
    route: 'requests.show',
    label: (r) => r.requester,
  },
  {
    // My own edit requests decided recently (approved / rejected): the answer waits to be read.
    kind: 'edit_request_decided',
    when: () => true,
    query: (u) =>
      db
        .from('edit_requests')
        .where('requested_by_id', u.id)
        .whereIn('status', ['approved', 'rejected'])
        .whereNotNull('decided_at')
        .select('id', 'month', 'status', 'decided_at'),
    at: 'decided_at',
    route: 'periods.requests.show',
    label: (r) => String(r.month),
    detail: (r) => `ui.inbox.edit_status.${r.status}`,
  },
]

/** The officer's own pending deadlines due by the horizon (overdue ones included), from the stored facts. */
async function deadlineItems(user: User, day: string): Promise<InboxItem[]> {
  const rows = await db
    .from('case_deadlines as d')
    .join('cases as c', 'c.id', 'd.case_id')
    .where('d.officer_id', user.id)
    .where('d.due_on', '<=', addDays(day, INBOX_HORIZON_DAYS))
    .orderBy('d.due_on', 'asc')
    .limit(LIMIT * 4)
    .select('d.case_id', 'd.kind', 'd.due_on', 'd.months', 'c.number')
  return rows.map((r) => {
    const dueOn = iso(r.due_on).slice(0, 10)
    return {
      kind: 'deadline' as const,
      at: dueOn,
      label: r.number ?? `#${r.case_id}`,
      detail: `deadlines.kinds.${r.kind}`,
      detailParams: { months: r.months ?? 6 },
      dueOn,
      overdue: dueOn < day,
      route: 'cases.show',
      params: { id: Number(r.case_id) },
    }
  })
}

export async function inboxFor(user: User): Promise<InboxItem[]> {
  const day = today()
  const items: InboxItem[] = []
  for (const source of SOURCES) {
    if (!source.when(user)) continue
    const rows = await source.query(user).orderBy(source.at, 'desc').limit(LIMIT)
    for (const row of rows)
      items.push({
        kind: source.kind,
        at: iso(row[source.at]),
        label: source.label(row),
        detail: source.detail?.(row) ?? null,
        route: source.route,
        params: { id: Number(row.id) },
      })
  }
  if (user.hasRole('officer')) items.push(...(await deadlineItems(user, day)))
  // Overdue deadlines first (they are late), then newest first.
  return items.sort(
    (a, b) => Number(Boolean(b.overdue)) - Number(Boolean(a.overdue)) || b.at.localeCompare(a.at)
  )
}
