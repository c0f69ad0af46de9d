/**
 * Makes audit rows readable (issue 11): people and subjects by name with a link instead of "user 5" /
 * "case 2011", and the JSON details as labelled values. One small query per subject type per page (50 rows).
 */
import db from '@adonisjs/lucid/services/db'

export interface Subject {
  label: string
  href: string | null
}

export interface Detail {
  key: string
  before?: string
  after?: string
}

/** Subject types, the table holding their name, the name column and the page showing one. */
const SUBJECTS: Record<string, { table: string; name: string; href: (id: string) => string }> = {
  user: { table: 'users', name: 'full_name', href: (id) => `/users/${id}` },
  case: { table: 'cases', name: 'number', href: (id) => `/cases/${id}` },
  unit: { table: 'units', name: 'name', href: (id) => `/units/${id}` },
  judgment: { table: 'judgments', name: 'number', href: (id) => `/judgments/${id}` },
  request: { table: 'enforcement_requests', name: 'requester', href: (id) => `/requests/${id}` },
  handover: { table: 'handovers', name: 'id', href: (id) => `/handovers/${id}` },
  delegation: { table: 'delegations', name: 'id', href: (id) => `/delegations/${id}` },
  edit_request: { table: 'edit_requests', name: 'month', href: (id) => `/periods/requests/${id}` },
}

export async function resolveNames(
  events: { actorId: number | null; subjectType: string | null; subjectId: string | null }[]
) {
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((v): v is number => !!v))]
  const actors = new Map<number, string>()
  if (actorIds.length) {
    for (const u of await db.from('users').whereIn('id', actorIds).select('id', 'full_name'))
      actors.set(Number(u.id), String(u.full_name))
  }
  const subjects = new Map<string, Subject>()
  const byType = new Map<string, Set<string>>()
  for (const e of events) {
    if (!e.subjectType || !e.subjectId || !SUBJECTS[e.subjectType]) continue
    if (!/^\d+$/.test(e.subjectId)) continue
    if (!byType.has(e.subjectType)) byType.set(e.subjectType, new Set())
    byType.get(e.subjectType)!.add(e.subjectId)
  }
  for (const [type, ids] of byType) {
    const spec = SUBJECTS[type]
    const rows = await db
      .from(spec.table)
      .whereIn('id', [...ids].map(Number))
      .select('id', `${spec.name} as name`)
    const names = new Map(rows.map((r) => [String(r.id), r.name]))
    for (const id of ids) {
      const name = names.get(id)
      subjects.set(`${type}:${id}`, {
        label: name !== undefined && name !== null && String(name) !== id ? String(name) : `#${id}`,
        href: names.has(id) ? spec.href(id) : null,
      })
    }
  }
  return { actors, subjects }
}

function parse(value: string | null): Record<string, unknown> | null {
  if (!value) return null
  try {
    const parsed = JSON.parse(value)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? parsed
      : { value: parsed }
  } catch {
    return { value }
  }
}

export type ValueLabel = (key: string, value: string) => string | null

/** Keys whose values are people (user ids) and keys whose values are codes with a translated name. */
export const PERSON_KEYS = new Set([
  'officerId',
  'createdById',
  'actorId',
  'userId',
  'reviewedById',
  'draftedById',
  'requestedById',
  'toOfficerId',
  'fromOfficerId',
])
export const CODE_NAMESPACES: Record<string, string> = {
  status: 'cases.status',
  statusAfter: 'cases.status',
  draftStatus: 'cases.draft_status',
  kind: 'cases.kinds',
  origin: 'cases.origins',
  result: 'cases.verify_results',
  reason: 'errors',
  payee: 'cases.payees',
}

/** User ids mentioned in the details of these events (to show names). */
export function personIds(events: { before: string | null; after: string | null }[]): number[] {
  const ids = new Set<number>()
  for (const e of events)
    for (const side of [parse(e.before), parse(e.after)])
      for (const [k, v] of Object.entries(side ?? {}))
        if (PERSON_KEYS.has(k) && Number.isSafeInteger(Number(v)) && Number(v) > 0)
          ids.add(Number(v))
  return [...ids]
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? '✓' : '✗'
  if (typeof value === 'number') return new Intl.NumberFormat('vi-VN').format(value)
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/')
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 16).replace('T', ' ')
    return value.length > 160 ? value.slice(0, 157) + '…' : value
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map(show).join(', ')
    return `${value.length} ×`
  }
  const entries = Object.entries(value as Record<string, unknown>)
  return entries
    .slice(0, 6)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? '…' : show(v)}`)
    .join('; ')
}

const HIDDEN = new Set([
  'id',
  'entryId',
  'password',
  'password_hash',
  'remember_me_token',
  'created_at',
  'updated_at',
  'createdAt',
  'updatedAt',
])

/** The details of one event as labelled values; for changes, only the keys that changed, with before → after. */
export function humanDetails(
  before: string | null,
  after: string | null,
  label: ValueLabel = () => null
): Detail[] {
  const b = parse(before)
  const a = parse(after)
  const view = (key: string, side: Record<string, unknown>) => {
    const raw = side[key]
    if (raw !== null && raw !== undefined && typeof raw !== 'object') {
      const named = label(key, String(raw))
      if (named) return named
    }
    return show(raw)
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter(
    (k) => !HIDDEN.has(k)
  )
  const out: Detail[] = []
  for (const key of keys) {
    const bv = b ? view(key, b) : undefined
    const av = a ? view(key, a) : undefined
    if (b && a && bv === av) continue
    out.push({ key, before: b && key in b ? bv : undefined, after: a && key in a ? av : undefined })
  }
  return out.slice(0, 12)
}
