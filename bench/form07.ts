/**
 * Hand-written form 07 (money) per province for `node ace bench:forms` — written from SPEC §5 without the
 * engine's SQL vocabulary, so that "same numbers" is a real cross-check. Scope: the national civil tree
 * (`nationalPath`, e.g. '/1/'), not the military units; one GROUP BY over money entries dated ≤ E joined to
 * their cases and to the case's status span at E.
 */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const TERMINAL = `'completed','terminated','delegated_out','withdrawn','revoked'`

export function rawForm07Sql(start: string, end: string, nationalPath: string) {
  if (!ISO_DAY.test(start) || !ISO_DAY.test(end)) throw new Error('ISO days expected')
  if (!/^(\/\d+)+\/$/.test(nationalPath)) throw new Error('unit path expected')
  const upper = `${nationalPath.slice(0, -1)}0`
  const st = `COALESCE(e.status, 'in_progress')`
  const kept = `NOT (${st} IN (${TERMINAL}) AND e.from_date < '${start}')`
  const before = `m.effective_date < '${start}'`
  const within = `m.effective_date >= '${start}'`
  const bal = `(CASE m.kind WHEN 'obligation' THEN m.amount WHEN 'collected' THEN -m.amount WHEN 'reduced' THEN -m.amount WHEN 'terminated_amount' THEN -m.amount WHEN 'delegated_amount' THEN -m.amount WHEN 'withdrawn_amount' THEN -m.amount WHEN 'revoked_amount' THEN -m.amount ELSE 0 END)`
  const sum = (when: string, value = 'm.amount') =>
    `SUM(CASE WHEN ${when} THEN ${value} ELSE 0 END)`
  const kinds = (...k: string[]) => `m.kind IN (${k.map((x) => `'${x}'`).join(',')})`
  const cond = `${st} IN ('in_progress','postponed','suspended')`
  return `SELECT CASE WHEN u.level IN ('province', 'national') THEN u.id ELSE u.parent_id END AS province_id,
  ${sum(`${kept} AND ${before}`, bal)} + ${sum(`${kept} AND ${kinds('obligation')} AND ${within}`)} AS c1,
  ${sum(`c.decision_date < '${start}' AND ${kept} AND ${before}`, bal)} AS c2,
  ${sum(`${kinds('obligation')} AND ${within}`)} AS c3,
  ${sum(`${kinds('delegated_amount')} AND ${within}`)} AS c4,
  ${sum(`${kinds('withdrawn_amount', 'revoked_amount')} AND ${within}`)} AS c5,
  ${sum(`${kept} AND ${before}`, bal)} + ${sum(`${kept} AND ${kinds('obligation')} AND ${within}`)} - ${sum(`${kept} AND ${kinds('delegated_amount', 'withdrawn_amount', 'revoked_amount')} AND ${within}`)} AS c6,
  ${sum(`${kinds('collected', 'terminated_amount', 'reduced')} AND ${within}`)} + ${sum(cond, bal)} AS c7,
  ${sum(`${kinds('collected')} AND ${within}`)} AS c8,
  ${sum(`${kinds('terminated_amount')} AND ${within}`)} AS c9,
  ${sum(`${kinds('reduced')} AND ${within}`)} AS c10,
  ${sum(`${st} = 'in_progress'`, bal)} AS c11,
  ${sum(`${st} = 'postponed'`, bal)} AS c12,
  ${sum(`${st} = 'suspended'`, bal)} AS c13,
  ${sum(`${st} = 'no_conditions'`, bal)} AS c14,
  ${sum(`${st} IN ('in_progress','postponed','suspended','no_conditions')`, bal)} AS c16,
  ${sum(cond, bal)} AS c17
FROM money_entries m
JOIN cases c ON c.id = m.case_id
JOIN units u ON u.id = c.unit_id
LEFT JOIN case_status_spans e ON e.case_id = c.id AND e.from_date <= '${end}' AND (e.to_date IS NULL OR e.to_date > '${end}')
WHERE c.draft_status = 'approved' AND c.decision_date <= '${end}' AND m.effective_date <= '${end}'
  AND c.unit_path >= '${nationalPath}' AND c.unit_path < '${upper}'
GROUP BY CASE WHEN u.level IN ('province', 'national') THEN u.id ELSE u.parent_id END`
}
