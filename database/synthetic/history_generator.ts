/**
 * A seeded random generator of case histories for tests: writes cases, status spans, officer assignments and
 * money entries exactly as the cases module does, respecting the state machine of SPEC §3:
 *   - dates only move forward; spans are closed the day the next one opens (to_date exclusive);
 *   - a terminal status is final; terminating, full delegation, withdrawal and revocation first write the
 *     entry that settles the whole remaining amount; completion only happens at remaining 0;
 *   - collections never exceed the remaining amount; amendments never make it negative;
 *   - paid_out and fee entries (no effect on the balance) and a few draft cases are mixed in as noise.
 */
import { seededRandom } from '#core/random'
import db from '@adonisjs/lucid/services/db'

export interface GeneratorUnit {
  id: number
  path: string
  officers: number[]
}

export interface GeneratorOptions {
  seed: number
  units: GeneratorUnit[]
  cases: number
  /** Decision dates are drawn from [from, to]; events continue up to `horizon`. */
  from: string
  to: string
  horizon: string
}

/** The shared seeded generator (app/core/random.ts). */
export const prng = seededRandom

export function addDays(day: string, n: number) {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

function daysBetween(a: string, b: string) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000)
}

const AREAS = ['Phường 1', 'Phường 2', 'Xã Tân Thành', 'Xã Hòa Bình', null]
const SETTLING: Record<string, string> = {
  terminated: 'terminated_amount',
  delegated_out: 'delegated_amount',
  withdrawn: 'withdrawn_amount',
  revoked: 'revoked_amount',
}

export interface GeneratedSummary {
  caseIds: number[]
  spans: number
  entries: number
}

export async function generateHistories(options: GeneratorOptions): Promise<GeneratedSummary> {
  const r = prng(options.seed)
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
  const spans: any[] = []
  const assignments: any[] = []
  const entries: any[] = []
  const caseIds: number[] = []

  await db.transaction(async (trx) => {
    for (let i = 0; i < options.cases; i++) {
      const unit = r.pick(options.units)
      const decided = addDays(options.from, r.int(0, daysBetween(options.from, options.to)))
      const draft = r.chance(0.03)
      const obligation = r.chance(0.2) ? 0 : r.int(1, 500_000) * 1000 + r.int(0, 999)
      const [id] = await trx
        .insertQuery()
        .table('cases')
        .insert({
          unit_id: unit.id,
          unit_path: unit.path,
          year: Number(decided.slice(0, 4)),
          number: `GEN-${options.seed}-${i + 1}`,
          draft_status: draft ? 'draft' : 'approved',
          decision_date: draft ? null : decided,
          kind: r.pick(['ex_officio', 'on_request']),
          origin: r.chance(0.85) ? 'new' : r.pick(['delegated_in', 'withdrawn_in']),
          credit_institution: r.chance(0.15),
          area: r.pick(AREAS),
          status: draft ? 'draft' : 'in_progress',
          created_at: now,
          updated_at: now,
        })
      const caseId = Number(id)
      if (draft) continue
      caseIds.push(caseId)
      const base = { case_id: caseId, unit_id: unit.id }
      const money = (
        kind: string,
        amount: number,
        day: string,
        extra: Record<string, unknown> = {}
      ) =>
        entries.push({
          ...base,
          unit_path: unit.path,
          kind,
          amount,
          effective_date: day,
          recorded_at: now,
          ...extra,
        })

      let remaining = obligation
      let status = 'in_progress'
      let span = {
        ...base,
        unit_path: unit.path,
        status,
        from_date: decided,
        to_date: null as string | null,
      }
      spans.push(span)
      if (obligation > 0) money('obligation', obligation, decided)

      let assignment: any = null
      const assign = (day: string) => {
        if (!unit.officers.length) return
        if (assignment) {
          if (assignment.from_date >= day) return
          assignment.to_date = day
        }
        assignment = { ...base, officer_id: r.pick(unit.officers), from_date: day, to_date: null }
        assignments.push(assignment)
      }
      if (r.chance(0.85)) assign(addDays(decided, r.int(0, 10)))

      const setStatus = (next: string, day: string) => {
        span.to_date = day
        status = next
        span = { ...base, unit_path: unit.path, status, from_date: day, to_date: null }
        spans.push(span)
      }

      let day = decided
      while (
        !['completed', 'terminated', 'delegated_out', 'withdrawn', 'revoked'].includes(status)
      ) {
        day = addDays(day, r.int(1, 160))
        if (day > options.horizon) break
        const roll = r.next()
        if (r.chance(0.08)) assign(day)
        if (r.chance(0.05)) money('fee', r.int(1, 500) * 1000, day)
        if (status === 'in_progress') {
          if (roll < 0.32 && remaining > 0) {
            const amount = r.chance(0.3) ? remaining : r.int(1, remaining)
            remaining -= amount
            money('collected', amount, day)
            if (r.chance(0.5))
              money('paid_out', amount, addDays(day, r.int(0, 5)), { payee: 'creditor' })
          } else if (roll < 0.35 && remaining > 0) {
            const amount = r.int(1, remaining)
            remaining -= amount
            money('reduced', amount, day)
          } else if (roll < 0.38 && remaining > 1) {
            const amount = r.int(1, remaining - 1)
            remaining -= amount
            money('delegated_amount', amount, day)
          } else if (roll < 0.43) {
            const delta = r.chance(0.5) ? r.int(1, 50_000) * 1000 : -r.int(0, remaining)
            if (delta !== 0) {
              remaining += delta
              money('obligation', delta, day)
            }
          } else if (roll < 0.53) setStatus('no_conditions', day)
          else if (roll < 0.58) setStatus('postponed', day)
          else if (roll < 0.62) setStatus('suspended', day)
          else if (roll < 0.78 && remaining === 0) setStatus('completed', day)
          else if (roll < 0.86 && remaining > 0) {
            money('collected', remaining, day)
            remaining = 0
            setStatus('completed', day)
          } else if (roll < 0.95) {
            const terminal = r.pick([
              'terminated',
              'terminated',
              'delegated_out',
              'withdrawn',
              'revoked',
            ])
            if (remaining > 0) money(SETTLING[terminal], remaining, day)
            remaining = 0
            setStatus(terminal, day)
          }
        } else {
          if (roll < 0.5) setStatus('in_progress', day)
          else if (roll < 0.6 && remaining > 0) {
            const amount = r.int(1, remaining)
            remaining -= amount
            money('collected', amount, day)
          } else if (roll < 0.68) {
            if (remaining > 0) money('terminated_amount', remaining, day)
            remaining = 0
            setStatus('terminated', day)
          }
        }
      }
      await trx
        .from('cases')
        .where('id', caseId)
        .update({ status, remaining, officer_id: assignment?.officer_id ?? null })
    }
    for (let i = 0; i < spans.length; i += 200)
      await trx
        .insertQuery()
        .table('case_status_spans')
        .multiInsert(spans.slice(i, i + 200))
    for (let i = 0; i < assignments.length; i += 200)
      await trx
        .insertQuery()
        .table('case_assignments')
        .multiInsert(assignments.slice(i, i + 200))
    for (let i = 0; i < entries.length; i += 200)
      await trx
        .insertQuery()
        .table('money_entries')
        .multiInsert(entries.slice(i, i + 200))
  })
  return { caseIds, spans: spans.length, entries: entries.length }
}
