/**
 * The task inbox: what waits for this user, newest first. Each source is one small indexed query bounded by
 * the user's unit or own id (approvals, handovers, delegations, returned drafts, pending requests, edit
 * requests); deadlines "due in the next days" are computed only over the officer's own open cases.
 */
import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { addDays, today } from '#core'
import { OPEN_STATUSES } from '../state_machine.js'
import { loadFacts } from './deadlines/load.js'
import { deadlinesFor } from './deadlines/rules.js'

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

export async function inboxFor(user: User): Promise<InboxItem[]> {
  const items: InboxItem[] = []
  const day = today()

  if (user.hasRole('head')) {
    const drafts = await db
      .from('cases')
      .where('unit_id', user.unitId)
      .where('draft_status', 'submitted')
      .orderBy('updated_at', 'desc')
      .limit(LIMIT)
      .select('id', 'debtor_name', 'updated_at')
    for (const d of drafts)
      items.push({
        kind: 'approval',
        at: iso(d.updated_at),
        label: d.debtor_name ?? `#${d.id}`,
        route: 'decisions.show',
        params: { id: d.id },
      })

    const handovers = await db
      .from('handovers')
      .where('unit_id', user.unitId)
      .where('status', 'proposed')
      .orderBy('created_at', 'desc')
      .limit(LIMIT)
      .select('id', 'case_count', 'created_at', 'effective_date')
    for (const h of handovers)
      items.push({
        kind: 'handover_confirm',
        at: iso(h.created_at),
        label: String(h.case_count),
        dueOn: null,
        route: 'handovers.show',
        params: { id: h.id },
      })

    const delegations = await db
      .from('delegations')
      .where('from_unit_id', user.unitId)
      .where('status', 'proposed')
      .orderBy('created_at', 'desc')
      .limit(LIMIT)
      .select('id', 'created_at')
    for (const d of delegations)
      items.push({
        kind: 'delegation_confirm',
        at: iso(d.created_at),
        label: `#${d.id}`,
        route: 'delegations.show',
        params: { id: d.id },
      })

    const incoming = await db
      .from('delegations')
      .where('to_unit_id', user.unitId)
      .where('status', 'confirmed')
      .orderBy('created_at', 'desc')
      .limit(LIMIT)
      .select('id', 'created_at')
    for (const d of incoming)
      items.push({
        kind: 'delegation_receive',
        at: iso(d.created_at),
        label: `#${d.id}`,
        route: 'delegations.show',
        params: { id: d.id },
      })

    const toConfirm = await db
      .from('edit_requests')
      .where('unit_id', user.unitId)
      .where('status', 'pending_confirmation')
      .orderBy('requested_at', 'desc')
      .limit(LIMIT)
      .select('id', 'month', 'requested_at')
    for (const r of toConfirm)
      items.push({
        kind: 'edit_request_confirm',
        at: iso(r.requested_at),
        label: String(r.month),
        route: 'periods.requests.show',
        params: { id: r.id },
      })

    if (user.unit.level === 'national') {
      const toApprove = await db
        .from('edit_requests')
        .where('status', 'pending_approval')
        .orderBy('requested_at', 'desc')
        .limit(LIMIT)
        .select('id', 'month', 'requested_at')
      for (const r of toApprove)
        items.push({
          kind: 'edit_request_approve',
          at: iso(r.requested_at),
          label: String(r.month),
          route: 'periods.requests.show',
          params: { id: r.id },
        })
    }
  }

  if (user.hasRole('officer')) {
    const mine = await db
      .from('handovers')
      .where('to_officer_id', user.id)
      .where('status', 'proposed')
      .orderBy('created_at', 'desc')
      .limit(LIMIT)
      .select('id', 'case_count', 'created_at')
    for (const h of mine)
      items.push({
        kind: 'handover_incoming',
        at: iso(h.created_at),
        label: String(h.case_count),
        route: 'handovers.show',
        params: { id: h.id },
      })

    // Deadlines of my open cases falling due within the horizon (and those already overdue).
    const cases = await db
      .from('cases')
      .where('officer_id', user.id)
      .where('draft_status', 'approved')
      .whereIn('status', [...OPEN_STATUSES])
      .limit(2000)
      .select('id', 'number', 'debtor_name')
    const facts = await loadFacts(cases.map((c) => c.id))
    const horizon = addDays(day, INBOX_HORIZON_DAYS)
    for (const c of cases) {
      const f = facts.get(c.id)
      if (!f) continue
      for (const d of await deadlinesFor(f, day)) {
        if (!(d.state === 'due' || d.state === 'overdue') || d.dueOn > horizon) continue
        items.push({
          kind: 'deadline',
          at: d.dueOn,
          label: c.number ?? `#${c.id}`,
          detail: `deadlines.kinds.${d.kind}`,
          detailParams: { months: d.months ?? 6 },
          dueOn: d.dueOn,
          overdue: d.state === 'overdue',
          route: 'cases.show',
          params: { id: c.id },
        })
      }
    }
  }

  if (user.hasRole('intake_clerk')) {
    const returned = await db
      .from('cases')
      .where('unit_id', user.unitId)
      .where('draft_status', 'rejected')
      .orderBy('updated_at', 'desc')
      .limit(LIMIT)
      .select('id', 'debtor_name', 'review_comment', 'updated_at')
    for (const d of returned)
      items.push({
        kind: 'returned_draft',
        at: iso(d.updated_at),
        label: d.debtor_name ?? `#${d.id}`,
        detail: d.review_comment,
        route: 'decisions.show',
        params: { id: d.id },
      })

    const pending = await db
      .from('enforcement_requests')
      .where('unit_id', user.unitId)
      .where('status', 'pending')
      .orderBy('received_on', 'desc')
      .limit(LIMIT)
      .select('id', 'requester', 'received_on')
    for (const r of pending)
      items.push({
        kind: 'request_pending',
        at: iso(r.received_on),
        label: r.requester,
        route: 'requests.show',
        params: { id: r.id },
      })
  }

  // My own edit requests decided recently (approved / rejected / declined) — the answer waits to be read.
  const decided = await db
    .from('edit_requests')
    .where('requested_by_id', user.id)
    .whereIn('status', ['approved', 'rejected'])
    .whereNotNull('decided_at')
    .orderBy('decided_at', 'desc')
    .limit(10)
    .select('id', 'month', 'status', 'decided_at')
  for (const r of decided)
    items.push({
      kind: 'edit_request_decided',
      at: iso(r.decided_at),
      label: String(r.month),
      detail: `ui.inbox.edit_status.${r.status}`,
      route: 'periods.requests.show',
      params: { id: r.id },
    })

  // Overdue deadlines first (they are late), then newest first.
  return items.sort(
    (a, b) => Number(Boolean(b.overdue)) - Number(Boolean(a.overdue)) || b.at.localeCompare(a.at)
  )
}
