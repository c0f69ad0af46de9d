/**
 * Completeness monitoring (SPEC §9, CV 2352 §2: 100 % of new dossiers entered):
 *   - timely entry: of the cases decided in [from, to], the share entered (recorded time, `cases.created_at`)
 *     by the end of the N-th working day after the decision date (Vietnam time, holiday calendar of #core);
 *   - idle cases: cases open today (status cache) decided at least `idle` days ago with no event dated in the
 *     last `idle` days.
 * Rows are the child units of the chosen unit (its subtree rolled up per child, own office separately) or the
 * officers of the unit (the officer currently assigned). Everything is one GROUP BY over an index range of
 * cases; working days enter the SQL as a small derived table of (decision day → cutoff timestamp), built from
 * the calendar for the ≤ 366 days of the range, so no per-case loop runs in JS.
 */
import db from '@adonisjs/lucid/services/db'
import { addDays, addWorkingDays } from '#core'
import { childKeySql, pathRange, unitChildren } from '../../services/context.js'
import { OPEN_STATUSES } from '../../services/sql_vocabulary.js'
import type { UnitRef } from '../../plugin/types.js'

export type Layout = 'unit' | 'officer'
export type ListKind = 'entered' | 'on_time' | 'late' | 'open' | 'idle'

export interface CompletenessQuery {
  unit: UnitRef
  from: string
  to: string
  /** Working days allowed between the decision date and the entry. */
  days: number
  /** Days without an event after which an open case counts as idle. */
  idle: number
  by: Layout
  today: string
}

export interface CompletenessRow {
  key: number
  name: string
  code: string | null
  entered: number
  onTime: number
  late: number
  /** Percent with two decimals, null when nothing was entered. */
  share: number | null
  open: number
  idle: number
  idleShare: number | null
  rank: number | null
}

const ISO = /^\d{4}-\d{2}-\d{2}$/
export const MAX_RANGE_DAYS = 366

export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 10000) / whole) / 100
}

/** (decision day → the first instant after its N-th working day, UTC) for each day of [from, to]. */
export async function cutoffTable(from: string, to: string, days: number) {
  if (!ISO.test(from) || !ISO.test(to)) throw new Error('bad range')
  const rows: string[] = []
  for (let d = from, i = 0; d <= to && i < MAX_RANGE_DAYS; d = addDays(d, 1), i++) {
    const last = await addWorkingDays(d, days)
    // The end of the last allowed day in Vietnam (UTC+7) is 17:00 UTC of that day.
    rows.push(`SELECT '${d}' AS day, '${last} 17:00:00' AS cutoff, '${d.slice(0, 7)}' AS month`)
  }
  return `(${rows.join(' UNION ALL ')})`
}

function restrict(q: any, query: CompletenessQuery) {
  if (query.by === 'officer') return q.where('c.unit_id', query.unit.id)
  const [lo, hi] = pathRange(query.unit.path)
  return q.where('c.unit_path', '>=', lo).where('c.unit_path', '<', hi)
}

export async function groupKeySql(query: CompletenessQuery) {
  if (query.by === 'officer') return { sql: 'COALESCE(c.officer_id, 0)', children: [] as UnitRef[] }
  const children = await unitChildren(query.unit.id)
  return { sql: childKeySql('c.unit_path', children, query.unit.id), children }
}

/**
 * Base query of the timely-entry facts: approved cases decided in range joined to their cutoff (`table` from
 * cutoffTable). Not async: a query builder is thenable, awaiting it would run it.
 */
export function enteredFacts(query: CompletenessQuery, table: string) {
  const q = db
    .from('cases as c')
    .joinRaw(`JOIN ${table} d ON d.day = c.decision_date`)
    .where('c.draft_status', 'approved')
    .where('c.decision_date', '>=', query.from)
    .where('c.decision_date', '<=', query.to)
  return restrict(q, query)
}

export function idleCutoff(query: CompletenessQuery) {
  return addDays(query.today, -query.idle)
}

/** Base query of the open-case facts; `idleOnly` keeps the idle ones. */
export function openFacts(query: CompletenessQuery, idleOnly: boolean) {
  const q = db
    .from('cases as c')
    .where('c.draft_status', 'approved')
    .whereIn('c.status', [...OPEN_STATUSES])
  restrict(q, query)
  if (idleOnly) {
    const cutoff = idleCutoff(query)
    q.where('c.decision_date', '<=', cutoff).whereNotExists((s: any) =>
      s
        .from('case_events as ev')
        .whereRaw('ev.case_id = c.id')
        .where('ev.effective_date', '>', cutoff)
    )
  }
  return q
}

export async function completeness(query: CompletenessQuery) {
  const { sql: key, children } = await groupKeySql(query)
  const table = await cutoffTable(query.from, query.to, query.days)
  const entered = await enteredFacts(query, table)
    .select(
      db.raw(
        `${key} AS g, COUNT(*) AS entered, SUM(CASE WHEN c.created_at < d.cutoff THEN 1 ELSE 0 END) AS on_time`
      )
    )
    .groupByRaw('g')
  const trend = await enteredFacts(query, table)
    .select(
      db.raw(
        'd.month AS month, COUNT(*) AS entered, SUM(CASE WHEN c.created_at < d.cutoff THEN 1 ELSE 0 END) AS on_time'
      )
    )
    .groupBy('d.month')
    .orderBy('d.month')
  const open = await openFacts(query, false)
    .select(db.raw(`${key} AS g, COUNT(*) AS n`))
    .groupByRaw('g')
  const idle = await openFacts(query, true)
    .select(db.raw(`${key} AS g, COUNT(*) AS n`))
    .groupByRaw('g')

  const labels = new Map<number, { name: string; code: string | null }>()
  if (query.by === 'unit') {
    labels.set(query.unit.id, { name: `${query.unit.name} (văn phòng)`, code: query.unit.code })
    for (const c of children) labels.set(c.id, { name: c.name, code: c.code })
  } else {
    const ids = [...entered, ...open].map((r: any) => Number(r.g)).filter((id) => id > 0)
    const officers = await db
      .from('users')
      .where((q) => {
        q.where('unit_id', query.unit.id).whereExists((r) =>
          r.from('user_roles').whereRaw('user_roles.user_id = users.id').where('role', 'officer')
        )
        if (ids.length) q.orWhereIn('id', ids)
      })
      .select('id', 'full_name')
    for (const o of officers) labels.set(Number(o.id), { name: o.full_name, code: null })
    labels.set(0, { name: 'Chưa phân công', code: null })
  }
  const pick = (list: any[], g: number, col: string) =>
    Number(list.find((r) => Number(r.g) === g)?.[col] ?? 0)
  const keys = new Set<number>([...labels.keys()])
  for (const list of [entered, open]) for (const r of list) keys.add(Number(r.g))
  const rows: CompletenessRow[] = [...keys].map((k) => {
    const e = pick(entered, k, 'entered')
    const on = pick(entered, k, 'on_time')
    const o = pick(open, k, 'n')
    const i = pick(idle, k, 'n')
    return {
      key: k,
      name: labels.get(k)?.name ?? `#${k}`,
      code: labels.get(k)?.code ?? null,
      entered: e,
      onTime: on,
      late: e - on,
      share: percent(on, e),
      open: o,
      idle: i,
      idleShare: percent(i, o),
      rank: null,
    }
  })
  // Drop empty rows (an own office with nothing, an unassigned row with nothing) but keep every officer/child.
  const visible = rows.filter(
    (r) =>
      r.entered + r.open > 0 ||
      (r.key > 0 && query.by === 'officer') ||
      (query.by === 'unit' && r.key !== query.unit.id)
  )
  // Ranking: best timely-entry share first, then fewest idle; rows with nothing entered are unranked.
  visible.sort(
    (a, b) =>
      (b.share ?? -1) - (a.share ?? -1) ||
      (a.idleShare ?? 0) - (b.idleShare ?? 0) ||
      a.name.localeCompare(b.name)
  )
  let rank = 0
  for (const r of visible) if (r.share !== null) r.rank = ++rank
  const sum = (col: 'entered' | 'onTime' | 'open' | 'idle') => rows.reduce((s, r) => s + r[col], 0)
  const total = {
    entered: sum('entered'),
    onTime: sum('onTime'),
    late: sum('entered') - sum('onTime'),
    share: percent(sum('onTime'), sum('entered')),
    open: sum('open'),
    idle: sum('idle'),
    idleShare: percent(sum('idle'), sum('open')),
  }
  return {
    rows: visible,
    total,
    trend: trend.map((t: any) => ({
      month: String(t.month),
      entered: Number(t.entered),
      onTime: Number(t.on_time),
      share: percent(Number(t.on_time), Number(t.entered)),
    })),
  }
}

/** The cases behind a figure, keyset-paged on the case id. */
export async function listBehind(
  query: CompletenessQuery,
  kind: ListKind,
  group: number | null,
  after: number,
  perPage: number
) {
  const { sql: key } = await groupKeySql(query)
  const base =
    kind === 'open' || kind === 'idle'
      ? openFacts(query, kind === 'idle')
      : enteredFacts(query, await cutoffTable(query.from, query.to, query.days))
  if (kind === 'on_time') base.whereRaw('c.created_at < d.cutoff')
  if (kind === 'late') base.whereRaw('c.created_at >= d.cutoff')
  if (group !== null) base.whereRaw(`${key} = ?`, [group])
  const items = await base
    .leftJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('users as o', 'o.id', 'c.officer_id')
    .where('c.id', '>', after)
    .orderBy('c.id')
    .limit(perPage + 1)
    .select(
      'c.id',
      'c.number',
      'c.decision_date',
      'c.created_at',
      'c.status',
      'u.code as unit_code',
      'o.full_name as officer_name',
      db.raw(
        '(SELECT MAX(ev2.effective_date) FROM case_events ev2 WHERE ev2.case_id = c.id) AS last_event'
      )
    )
  const more = items.length > perPage
  const page = items.slice(0, perPage)
  return { items: page, next: more ? Number(page[page.length - 1].id) : null }
}
