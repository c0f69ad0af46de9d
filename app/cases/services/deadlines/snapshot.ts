/**
 * Overdue trend (issue 11): a daily snapshot of overdue deadline counts per unit and officer
 * (`overdue_snapshots`, migration 0166), written by one set-based INSERT … SELECT … GROUP BY over
 * `case_deadlines` (rows due before the day) — by `node ace deadlines:snapshot` (the daily job) and on the first
 * dashboard view of a day. The chart reads the snapshots of the last days on an index range (unit path prefix or
 * officer) and today's figure live from `case_deadlines`, so today's point is the list's count.
 */
import db from '@adonisjs/lucid/services/db'
import { addDays, today as clockToday, transaction } from '#core'
import { pathRange } from './load.js'

const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10)
const stamp = () => new Date().toISOString().slice(0, 19).replace('T', ' ')

/** Takes (or retakes) the snapshot of `day`: one grouped INSERT … SELECT; returns the number of groups. */
export async function takeOverdueSnapshot(day = clockToday()): Promise<number> {
  return transaction(async (trx) => {
    await trx.from('overdue_snapshot_days').where('day', day).delete()
    await trx.from('overdue_snapshots').where('day', day).delete()
    const now = stamp()
    await trx.rawQuery(
      `INSERT INTO overdue_snapshots (day, unit_id, unit_path, officer_id, overdue, created_at)
       SELECT ?, unit_id, unit_path, COALESCE(officer_id, 0), COUNT(*), ?
       FROM case_deadlines WHERE due_on < ?
       GROUP BY unit_id, unit_path, COALESCE(officer_id, 0)`,
      [day, now, day]
    )
    const [row] = await trx.from('overdue_snapshots').where('day', day).count('* as n')
    const groups = Number(row?.n ?? 0)
    await trx.table('overdue_snapshot_days').insert({ day, groups, taken_at: now })
    return groups
  })
}

let ensuredDay: string | null = null
/** The snapshot of today, taken once per process and day when the daily job has not run yet. */
export async function ensureOverdueSnapshot(day = clockToday()) {
  if (ensuredDay === day) return
  const taken = await db.from('overdue_snapshot_days').where('day', day).first()
  try {
    if (!taken) await takeOverdueSnapshot(day)
  } catch (error) {
    // another process took it at the same moment (unique day key): its snapshot stands; a dashboard never fails here
    const again = await db.from('overdue_snapshot_days').where('day', day).first()
    if (!again) throw error
  }
  ensuredDay = day
}

/** Only for tests: forget that today's snapshot was ensured. */
export function forgetEnsuredSnapshot() {
  ensuredDay = null
}

export type TrendScope = { path: string } | { officerId: number }

function scoped<Q extends { where: (...a: any[]) => Q }>(q: Q, scope: TrendScope, table: string) {
  if ('officerId' in scope) return q.where(`${table}.officer_id`, scope.officerId)
  if (scope.path === '/') return q
  const [lo, hi] = pathRange(scope.path)
  return q.where(`${table}.unit_path`, '>=', lo).where(`${table}.unit_path`, '<', hi)
}

export interface OverdueTrend {
  /** ISO days: the snapshot days of the window, then today. */
  days: string[]
  values: number[]
}

/**
 * Overdue counts over the last `window` days: one point per day a snapshot was taken (0 when the scope had no
 * row that day), and today's live count last.
 */
export async function overdueTrend(scope: TrendScope, window = 30, day = clockToday()) {
  const from = addDays(day, -window)
  const taken = await db
    .from('overdue_snapshot_days')
    .where('day', '>=', from)
    .where('day', '<', day)
    .orderBy('day')
    .select('day')
  const sums = await scoped(
    db
      .from('overdue_snapshots as s')
      .where('s.day', '>=', from)
      .where('s.day', '<', day)
      .select('s.day')
      .sum('s.overdue as n')
      .groupBy('s.day'),
    scope,
    's'
  )
  const byDay = new Map(sums.map((r: any) => [iso(r.day), Number(r.n ?? 0)]))
  const [live] = await scoped(
    db.from('case_deadlines as d').where('d.due_on', '<', day),
    scope,
    'd'
  ).count('* as n')
  const days = [...taken.map((r) => iso(r.day)), day]
  const values = [...taken.map((r) => byDay.get(iso(r.day)) ?? 0), Number(live?.n ?? 0)]
  return { days, values } satisfies OverdueTrend
}
