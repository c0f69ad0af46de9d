/**
 * Pure, seeded generator of synthetic case histories for the national scale benchmark (`node ace demo:generate`).
 * It writes nothing: it yields, per case, the rows of `cases`, `case_status_spans`, `case_assignments` and
 * `money_entries` as arrays in the column orders below, so that a bulk writer can stream millions of them.
 *
 * Each history is drawn backwards from a target status at the horizon (SPEC §3 state machine respected):
 *   - dates only move forward; a span closes the day the next one opens (to_date exclusive);
 *   - a terminal status is final; terminating, full delegation, withdrawal and revocation write the entry that
 *     settles the whole remaining amount on the terminal day; completion happens only once collections (and
 *     a possible court reduction) have brought the remaining amount to 0;
 *   - collections never exceed the remaining amount; an amendment comes before every other money entry;
 *   - paid_out and fee entries (no effect on the balance) and ~1% draft cases are mixed in as noise.
 * Same seed, same plan → same rows (dates are day numbers, recorded times derive from effective dates).
 */

import { dayNumber, isoDay, prng, weightedPicker } from './seeded.js'
import { bankName, logUniformAmount, personName } from './vocabulary.js'

export { prng } from './seeded.js'

export const CASE_COLUMNS = [
  'id',
  'unit_id',
  'unit_path',
  'year',
  'seq',
  'number',
  'draft_status',
  'decision_date',
  'kind',
  'origin',
  'credit_institution',
  'area',
  'debtor_name',
  'creditor_name',
  'officer_id',
  'status',
  'remaining',
  'held',
  'summary',
  'created_at',
  'updated_at',
] as const
/** `cases.summary` of every generated case: how generated data is recognised (and removed). */
export const GENERATED_SUMMARY = 'Dữ liệu mô phỏng (demo:generate)'
export const SPAN_COLUMNS = [
  'case_id',
  'unit_id',
  'unit_path',
  'status',
  'from_date',
  'to_date',
] as const
export const ASSIGNMENT_COLUMNS = [
  'case_id',
  'unit_id',
  'officer_id',
  'from_date',
  'to_date',
] as const
export const MONEY_COLUMNS = [
  'case_id',
  'unit_id',
  'unit_path',
  'kind',
  'amount',
  'effective_date',
  'receipt_number',
  'payee',
  'officer_id',
  'recorded_at',
] as const

export type Row = (string | number | null)[]

export interface HistoryUnit {
  id: number
  code: string
  path: string
  /** Relative share of the national case load. */
  weight: number
  officers: number[]
}

export interface HistoryOptions {
  seed: number
  cases: number
  units: HistoryUnit[]
  /** First day of the first statistical year and the horizon (last day of the last one), ISO days. */
  from: string
  horizon: string
  /** First case id to use (max(id) + 1 of the database). */
  firstId: number
  /** Last seq already used per `${unitId}:${year}` (for --append); updated in place. */
  seqs?: Map<string, number>
}

export interface CaseHistory {
  case: Row
  spans: Row[]
  assignments: Row[]
  entries: Row[]
  status: string
}

/** Target mix of statuses at the horizon (≈45% completed, 12% other terminal, 43% open of which ~22% no conditions). */
export const STATUS_MIX: [string, number][] = [
  ['completed', 0.45],
  ['terminated', 0.06],
  ['delegated_out', 0.03],
  ['withdrawn', 0.015],
  ['revoked', 0.015],
  ['in_progress', 0.255],
  ['no_conditions', 0.095],
  ['postponed', 0.05],
  ['suspended', 0.03],
]
const SETTLING: Record<string, string> = {
  terminated: 'terminated_amount',
  delegated_out: 'delegated_amount',
  withdrawn: 'withdrawn_amount',
  revoked: 'revoked_amount',
}
const SPELLS = ['no_conditions', 'postponed', 'suspended', 'no_conditions']
const AREAS = ['Phường 1', 'Phường 2', 'Phường 3', 'Xã Tân Thành', 'Xã Hòa Bình', 'Thị trấn', null]
/** Obligation of a bulk case: ~15% non-money cases, else 1 million to 5 billion VND (log-uniform). */
function obligationAmount(r: ReturnType<typeof prng>) {
  return r.chance(0.15) ? 0 : logUniformAmount(r, 1e6, 5e9)
}

export function* nationalHistories(options: HistoryOptions): Generator<CaseHistory> {
  const r = prng(options.seed)
  const pickUnit = weightedPicker(options.units.map((u) => u.weight))
  const pickStatus = weightedPicker(STATUS_MIX.map(([, w]) => w))
  const from = dayNumber(options.from)
  const horizon = dayNumber(options.horizon)
  const seqs = options.seqs ?? new Map<string, number>()
  /** A day in [lo, hi], skewed towards lo when `early` (most cases finish within months). */
  const dayIn = (lo: number, hi: number, early = false) =>
    hi <= lo ? lo : lo + Math.floor((early ? r.next() ** 2 : r.next()) * (hi - lo + 1))

  for (let i = 0; i < options.cases; i++) {
    const id = options.firstId + i
    const unit = options.units[pickUnit(r.next())]
    const d0 = dayIn(from, horizon)
    const decided = isoDay(d0)
    const year = Number(decided.slice(0, 4))
    const kind = r.chance(0.7) ? 'ex_officio' : 'on_request'
    const origin = r.chance(0.9) ? 'new' : r.chance(0.7) ? 'delegated_in' : 'withdrawn_in'
    const credit = r.chance(0.12)
    const debtor = personName(r)
    const creditor = credit ? bankName(r) : personName(r)
    const area = r.pick(AREAS)
    const created = `${decided} 08:00:00`

    if (r.chance(0.01)) {
      const draft = r.chance(0.5) ? 'draft' : 'submitted'
      yield {
        case: [
          id,
          unit.id,
          unit.path,
          year,
          null,
          null,
          draft,
          null,
          kind,
          origin,
          credit ? 1 : 0,
          area,
          debtor,
          creditor,
          null,
          'draft',
          0,
          0,
          GENERATED_SUMMARY,
          created,
          created,
        ],
        spans: [],
        assignments: [],
        entries: [],
        status: 'draft',
      }
      continue
    }
    const seqKey = `${unit.id}:${year}`
    const seq = (seqs.get(seqKey) ?? 0) + 1
    seqs.set(seqKey, seq)

    const spans: Row[] = []
    const assignments: Row[] = []
    const entries: Row[] = []
    let span: Row = [id, unit.id, unit.path, 'in_progress', decided, null]
    spans.push(span)
    const setStatus = (status: string, day: number) => {
      span[5] = isoDay(day)
      span = [id, unit.id, unit.path, status, isoDay(day), null]
      spans.push(span)
    }

    let officer: number | null = null
    let assignment: Row | null = null
    const assign = (day: number) => {
      if (!unit.officers.length) return
      officer = unit.officers[Math.floor(r.next() * unit.officers.length)]
      if (assignment) assignment[4] = isoDay(day)
      assignment = [id, unit.id, officer, isoDay(day), null]
      assignments.push(assignment)
    }
    let receipts = 0
    let held = 0
    const money = (kindOf: string, amount: number, day: number) => {
      const receipt = kindOf === 'collected' ? `BL-${id}-${++receipts}` : null
      entries.push([
        id,
        unit.id,
        unit.path,
        kindOf,
        amount,
        isoDay(day),
        receipt,
        kindOf === 'paid_out' ? (r.chance(0.9) ? 'creditor' : 'state_budget') : null,
        officer,
        `${isoDay(day)} 10:00:00`,
      ])
    }
    const collect = (amount: number, day: number) => {
      money('collected', amount, day)
      held += amount
      if (r.chance(0.6)) {
        const paidOn = Math.min(horizon, day + r.int(0, 10))
        money('paid_out', amount, paidOn)
        held -= amount
      }
    }

    const span0 = horizon - d0
    let status = STATUS_MIX[pickStatus(r.next())][0]
    if (span0 < 3) status = 'in_progress'
    if (r.chance(0.93)) assign(Math.min(horizon, d0 + r.int(0, 5)))

    const obligation = obligationAmount(r)
    let remaining = obligation
    if (obligation > 0) money('obligation', obligation, d0)
    // The earliest day for every later money entry / status change.
    let lo = d0 + 1
    if (obligation > 0 && span0 >= 3 && r.chance(0.04)) {
      lo = d0 + r.int(1, Math.min(10, span0 - 2))
      const delta = r.chance(0.6)
        ? r.int(1, 20_000) * 1000
        : -r.int(1, Math.max(1, Math.floor(remaining / 2)))
      remaining += delta
      money('obligation', delta, lo)
    }
    if (r.chance(0.05)) money('fee', r.int(1, 500) * 1000, dayIn(d0, horizon))

    const terminal = status in SETTLING || status === 'completed'
    const end = terminal ? dayIn(lo + 1, horizon, true) : horizon // the terminal day (after an optional spell)
    // An earlier open spell (no conditions / postponed / suspended) ended by a resume, when there is room.
    let next = lo
    if (end - lo >= 4 && r.chance(terminal ? 0.2 : 0.15)) {
      const s1 = dayIn(lo, end - 3)
      const s2 = dayIn(s1 + 1, end - 2)
      setStatus(r.pick(SPELLS), s1)
      setStatus('in_progress', s2)
      next = s2 + 1
    }
    if (assignment && r.chance(0.1)) {
      const handover = dayIn(Math.max(next, dayNumber(String(assignment[3])) + 1), horizon)
      if (handover <= horizon && handover > dayNumber(String(assignment[3]))) assign(handover)
    }

    if (status === 'completed') {
      if (remaining > 0 && r.chance(0.05) && end > next) {
        const cut = r.int(1, remaining)
        money('reduced', cut, dayIn(next, end - 1))
        remaining -= cut
      }
      let day = next
      for (let k = r.int(1, 3); remaining > 0 && k > 1 && day < end; k--) {
        day = dayIn(day, end - 1)
        const part = r.int(1, remaining)
        if (part === remaining) break
        collect(part, day)
        remaining -= part
      }
      if (remaining > 0) collect(remaining, end)
      remaining = 0
      setStatus('completed', end)
    } else if (terminal) {
      if (remaining > 1 && r.chance(0.3) && end > next) {
        const part = r.int(1, remaining - 1)
        collect(part, dayIn(next, end - 1))
        remaining -= part
      }
      if (remaining > 0) money(SETTLING[status], remaining, end)
      remaining = 0
      setStatus(status, end)
    } else {
      const changeOn = status === 'in_progress' ? horizon + 1 : dayIn(next, horizon)
      let day = next
      for (
        let k = r.chance(0.45) ? r.int(1, 2) : 0;
        k > 0 && remaining > 1 && day <= horizon;
        k--
      ) {
        day = dayIn(day, horizon)
        const part = r.int(1, Math.max(1, Math.floor(remaining / 2)))
        collect(part, day)
        remaining -= part
      }
      if (remaining > 1 && r.chance(0.02)) {
        const part = r.int(1, remaining - 1)
        money('delegated_amount', part, dayIn(next, horizon))
        remaining -= part
      }
      if (changeOn <= horizon) setStatus(status, changeOn)
    }

    yield {
      case: [
        id,
        unit.id,
        unit.path,
        year,
        seq,
        `${seq}/QĐ-${unit.code}`,
        'approved',
        decided,
        kind,
        origin,
        credit ? 1 : 0,
        area,
        debtor,
        creditor,
        officer,
        status,
        remaining,
        held,
        GENERATED_SUMMARY,
        created,
        created,
      ],
      spans,
      assignments,
      entries,
      status,
    }
  }
}
