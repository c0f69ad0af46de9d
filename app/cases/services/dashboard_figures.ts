/**
 * Figures of the role dashboards (issue 11). Each is one grouped query on an index of the reader's reach
 * (unit path prefix + date range: cases_report_path_index, case_status_spans (unit_path, from_date),
 * money_entries (unit_path, kind, effective_date), cases (officer_id, status)), and each result is kept a few
 * minutes per reach and day, so a page view never re-reads a province.
 */
import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { addDays, today } from '#core'
import { OPEN_STATUSES } from '../state_machine.js'

const TTL_MS = 10 * 60 * 1000
const cache = new Map<string, { at: number; value: unknown }>()

async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T
  const value = await load()
  cache.set(key, { at: Date.now(), value })
  if (cache.size > 5000) cache.delete(cache.keys().next().value!)
  return value
}

/** Only for tests: forget cached figures. */
export function clearDashboardCache() {
  cache.clear()
}

/** The last `n` calendar months up to today's, as YYYY-MM. */
export function lastMonths(n: number, day = today()): string[] {
  const [y, m] = day.split('-').map(Number)
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1))
    return d.toISOString().slice(0, 7)
  })
}

const monthExpr = (column: string) =>
  db.connection().dialect.name === 'mysql'
    ? `DATE_FORMAT(${column}, '%Y-%m')`
    : `substr(${column}, 1, 7)`

const monthEnd = (month: string) => addDays(`${lastMonthsNext(month)}-01`, -1)
function lastMonthsNext(month: string) {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7)
}

function byMonth(rows: any[], months: string[], key = 'n') {
  const map = new Map(rows.map((r) => [String(r.month), Number(r[key] ?? 0)]))
  return months.map((m) => map.get(m) ?? 0)
}

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Intake (decisions accepted) vs completed, per month, within a unit path. */
export function intakeVsCompleted(path: string, months: string[]) {
  const from = `${months[0]}-01`
  const to = monthEnd(months[months.length - 1])
  return cached(`ivc:${path}:${from}:${to}`, async () => {
    const intake = await db
      .from('cases')
      .where('unit_path', 'like', likePrefix(path))
      .whereBetween('decision_date', [from, to])
      .where('draft_status', 'approved')
      .select(db.raw(`${monthExpr('decision_date')} as month`))
      .count('* as n')
      .groupByRaw(monthExpr('decision_date'))
    const completed = await db
      .from('case_status_spans')
      .where('unit_path', 'like', likePrefix(path))
      .whereBetween('from_date', [from, to])
      .where('status', 'completed')
      .select(db.raw(`${monthExpr('from_date')} as month`))
      .count('* as n')
      .groupByRaw(monthExpr('from_date'))
    return { intake: byMonth(intake, months), completed: byMonth(completed, months) }
  })
}

/** Money collected per month within a unit path (or for one officer's cases). */
export function collectedPerMonth(path: string, months: string[], officerId?: number) {
  const from = `${months[0]}-01`
  const to = monthEnd(months[months.length - 1])
  return cached(`col:${path}:${officerId ?? ''}:${from}:${to}`, async () => {
    const q = db
      .from('money_entries')
      .where('unit_path', 'like', likePrefix(path))
      .where('kind', 'collected')
      .whereBetween('effective_date', [from, to])
      .select(db.raw(`${monthExpr('effective_date')} as month`))
      .sum('amount as total')
      .groupByRaw(monthExpr('effective_date'))
    if (officerId) q.where('officer_id', officerId)
    return byMonth(await q, months, 'total')
  })
}

/** Completion rate of the cases accepted since `from`, per child unit of `unit` (its own row first). */
export function completionByUnit(unit: { id: number; path: string; name: string }, from: string) {
  return cached(`cbu:${unit.path}:${from}`, async () => {
    const children = await db
      .from('units')
      .where('parent_id', unit.id)
      .whereNull('valid_to')
      .select('id', 'name', 'path')
    const rows = [
      { id: unit.id, name: unit.name, path: unit.path, own: true },
      ...children.map((c) => ({ ...c, own: false })),
    ]
    const out: { id: number; name: string; rate: number; total: number; completed: number }[] = []
    for (const r of rows.slice(0, 80)) {
      const q = db
        .from('cases')
        .where('decision_date', '>=', from)
        .where('draft_status', 'approved')
        .count('* as total')
        .select(db.raw(`sum(case when status = 'completed' then 1 else 0 end) as completed`))
      if (r.own) q.where('unit_id', r.id)
      else q.where('unit_path', 'like', likePrefix(r.path))
      const [row] = await q
      const total = Number(row?.total ?? 0)
      const completed = Number(row?.completed ?? 0)
      if (r.own && total === 0) continue
      out.push({
        id: r.id,
        name: r.name,
        total,
        completed,
        rate: total ? Math.round((completed / total) * 1000) / 10 : 0,
      })
    }
    return out
  })
}

/** Open cases per officer of a unit (caseload), on the (officer_id, status) index. */
export function caseloadPerOfficer(unitId: number) {
  return cached(`load:${unitId}`, async () => {
    const rows = await db
      .from('cases')
      .join('users', 'users.id', 'cases.officer_id')
      .where('cases.unit_id', unitId)
      .whereIn('cases.status', [...OPEN_STATUSES])
      .groupBy('cases.officer_id', 'users.full_name')
      .select('cases.officer_id', 'users.full_name')
      .count('* as n')
    return rows.map((r: any) => ({
      id: Number(r.officer_id),
      name: String(r.full_name),
      open: Number(r.n),
    }))
  })
}

/** Open cases within a unit path (kept a few minutes: at national level it counts the whole country). */
export function openCount(path: string) {
  return cached(`open:${path}`, async () => {
    const [row] = await db
      .from('cases')
      .where('unit_path', 'like', likePrefix(path))
      .whereIn('status', [...OPEN_STATUSES])
      .count('* as n')
    return Number(row?.n ?? 0)
  })
}

/** The officer's own open cases by status. */
export async function myCasesByStatus(user: User) {
  const rows = await db
    .from('cases')
    .where('officer_id', user.id)
    .whereIn('status', [...OPEN_STATUSES])
    .groupBy('status')
    .select('status')
    .count('* as n')
  return rows.map((r: any) => ({ status: String(r.status), n: Number(r.n) }))
}

/** Submissions of the current period within reach: units that have submitted at least one form. */
export function submissionStatus(path: string, year: number, period: number) {
  return cached(`sub:${path}:${year}:${period}`, async () => {
    const [row] = await db
      .from('submissions')
      .where('year', year)
      .where('period', period)
      .where('unit_path', 'like', likePrefix(path))
      .countDistinct('unit_id as units')
      .count('* as forms')
    const late = await db
      .from('submissions')
      .where('year', year)
      .where('period', period)
      .where('unit_path', 'like', likePrefix(path))
      .where('late', true)
      .count('* as n')
    return {
      units: Number(row?.units ?? 0),
      forms: Number(row?.forms ?? 0),
      late: Number(late[0]?.n ?? 0),
    }
  })
}

export { monthEnd }
