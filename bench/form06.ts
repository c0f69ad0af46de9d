/**
 * Benchmark helpers for form 06 (not part of `npm test`; run through `node ace bench:forms`):
 *   - a HAND-WRITTEN SQL computing the 17 columns per province in one GROUP BY, written independently of the
 *     engine's SQL vocabulary so that "same numbers" is a real cross-check;
 *   - timing (warm-up, then the median of several runs) and EXPLAIN / EXPLAIN QUERY PLAN summaries.
 */
import db from '@adonisjs/lucid/services/db'

const TERMINAL = `'completed','terminated','delegated_out','withdrawn','revoked'`
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Form 06 per province of the national civil tree under `nationalPath` (e.g. '/1/'; the military units are a
 * separate tree and not part of the national form), for [start, end]. Province = the unit itself or its parent;
 * the national office's own cases make their own row.
 */
export function rawForm06Sql(start: string, end: string, nationalPath: string) {
  if (!ISO_DAY.test(start) || !ISO_DAY.test(end)) throw new Error('ISO days expected')
  if (!/^(\/\d+)+\/$/.test(nationalPath)) throw new Error('unit path expected')
  const upper = `${nationalPath.slice(0, -1)}0`
  const st = `COALESCE(e.status, 'in_progress')`
  // The day the case reached its status at E (only meaningful when terminal).
  const since = `e.from_date`
  const endedBefore = `(${st} IN (${TERMINAL}) AND ${since} < '${start}')`
  const endedIn = (statuses: string) => `(${st} IN (${statuses}) AND ${since} >= '${start}')`
  const count = (predicate: string) => `SUM(CASE WHEN ${predicate} THEN 1 ELSE 0 END)`
  const withConditions = `${st} IN ('in_progress','postponed','suspended')`
  return `SELECT CASE WHEN u.level IN ('province', 'national') THEN u.id ELSE u.parent_id END AS province_id,
  ${count(`NOT ${endedBefore}`)} AS c1,
  ${count(`c.decision_date < '${start}' AND NOT ${endedBefore}`)} AS c2,
  ${count(`c.decision_date >= '${start}'`)} AS c3,
  ${count(endedIn(`'delegated_out'`))} AS c4,
  ${count(endedIn(`'withdrawn','revoked'`))} AS c5,
  ${count(`NOT ${endedBefore} AND NOT ${endedIn(`'delegated_out','withdrawn','revoked'`)}`)} AS c6,
  ${count(`${endedIn(`'completed','terminated'`)} OR ${withConditions}`)} AS c7,
  ${count(endedIn(`'completed'`))} AS c8,
  ${count(endedIn(`'terminated'`))} AS c9,
  0 AS c10,
  ${count(`${st} = 'in_progress'`)} AS c11,
  ${count(`${st} = 'postponed'`)} AS c12,
  ${count(`${st} = 'suspended'`)} AS c13,
  ${count(`${st} = 'no_conditions'`)} AS c14,
  ${count(`${st} IN ('in_progress','postponed','suspended','no_conditions')`)} AS c16,
  ${count(withConditions)} AS c17
FROM cases c
JOIN units u ON u.id = c.unit_id
LEFT JOIN case_status_spans e ON e.case_id = c.id AND e.from_date <= '${end}' AND (e.to_date IS NULL OR e.to_date > '${end}')
WHERE c.draft_status = 'approved' AND c.decision_date <= '${end}'
  AND c.unit_path >= '${nationalPath}' AND c.unit_path < '${upper}'
GROUP BY CASE WHEN u.level IN ('province', 'national') THEN u.id ELSE u.parent_id END`
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** One warm-up run, then `runs` timed runs; returns the median and all times in ms, and the last result. */
export async function timeIt<T>(
  runs: number,
  fn: () => Promise<T>
): Promise<{ median: number; times: number[]; result: T }> {
  let result = await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    result = await fn()
    times.push(performance.now() - t)
  }
  return { median: median(times), times, result }
}

/**
 * Like timeIt for several functions at once, interleaved (a, b, a, b, …) so that a machine shared with other work
 * slows them alike and the ratio stays fair.
 */
export async function timeInterleaved<T extends unknown[]>(
  runs: number,
  fns: { [K in keyof T]: () => Promise<T[K]> }
) {
  const results: unknown[] = []
  for (const fn of fns) results.push(await fn())
  const times: number[][] = fns.map(() => [])
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now()
      results[k] = await fn()
      times[k].push(performance.now() - t)
    }
  }
  return fns.map((_, k) => ({ median: median(times[k]), times: times[k], result: results[k] })) as {
    [K in keyof T]: { median: number; times: number[]; result: T[K] }
  }
}

const rowsOf = (result: any): any[] =>
  Array.isArray(result) && Array.isArray(result[0])
    ? result[0]
    : Array.isArray(result)
      ? result
      : (result?.rows ?? [])

/** The query plan as short lines: SQLite EXPLAIN QUERY PLAN details, or MySQL EXPLAIN table/type/key/rows/Extra. */
export async function explain(sql: string, bindings: any[] = []): Promise<string[]> {
  const client = db.connection()
  if (client.dialect.name.includes('sqlite')) {
    const rows = rowsOf(await client.rawQuery(`EXPLAIN QUERY PLAN ${sql}`, bindings))
    const depth = new Map<number, number>()
    return rows.map((r: any) => {
      const d = (depth.get(r.parent) ?? -1) + 1
      depth.set(r.id, d)
      return `${'  '.repeat(d)}${r.detail}`
    })
  }
  const rows = rowsOf(await client.rawQuery(`EXPLAIN ${sql}`, bindings))
  return rows.map((r: any) =>
    `${r.select_type} ${r.table}: type=${r.type} key=${r.key ?? '-'}(${r.key_len ?? ''}) rows≈${r.rows} ${r.Extra ?? ''}`.trim()
  )
}
