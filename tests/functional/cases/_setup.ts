/** Shared builders for the cases tests: a unit's staff and an accepted case, built through the real actions. */
import { setToday, addDays } from '#core'
import type { User } from '#accounts'
import { AuditEvent } from '#audit'
import { CreateJudgment, SaveDraftDecision, ApproveDecision, Case } from '#cases'
import { makeUser, UNITS } from '#tests/helpers/factories'

/** The clock is pinned (the HTTP server shares the process), so dates and period locks are deterministic. */
export const TODAY = '2026-11-20'
const MONTH_START = '2026-11-02'

/** Day k of the pinned (open) month, k ≤ 18: a Monday-started run of days before TODAY. */
export function day(k: number): string {
  return addDays(MONTH_START, k)
}

/** Pins "today" for a test group and restores the real clock after it. */
export function pinClock(group: { setup(fn: () => any): any }) {
  group.setup(() => {
    setToday(TODAY)
    return () => setToday(null)
  })
}

export async function staff(unit: string = UNITS.badinh) {
  const [clerk, head, officer] = await Promise.all([
    makeUser(unit, ['intake_clerk']),
    makeUser(unit, ['head']),
    makeUser(unit, ['officer']),
  ])
  return { clerk, head, officer }
}

export async function acceptedCase(
  options: { unit?: string; amount?: number; decisionDate?: string; debtor?: string } = {}
) {
  const people = await staff(options.unit)
  const judgment = await new CreateJudgment().handle(people.clerk, {
    number: `${Math.floor(Math.random() * 1e6)}/2026/DS-ST`,
    judgmentDate: day(0),
    court: 'TAND quận Ba Đình',
    type: 'civil',
    receivedOn: day(0),
  })
  const draft = await new SaveDraftDecision().handle(people.clerk, {
    kind: 'ex_officio',
    judgmentId: judgment.id,
    parties: [
      { role: 'debtor', name: options.debtor ?? 'Nguyễn Văn Nợ' },
      { role: 'creditor', name: 'Ngân hàng TMCP Ví Dụ', isCreditInstitution: true },
    ],
    obligations: [
      {
        kind: 'money',
        description: 'Trả nợ gốc và lãi',
        amount: options.amount ?? 10_000_000,
        payee: 'creditor',
      },
      { kind: 'non_money', description: 'Trả lại giấy tờ xe' },
    ],
    submit: true,
  })
  const c = await new ApproveDecision().handle(people.head, draft.id, {
    decisionDate: options.decisionDate ?? day(0),
    officerId: people.officer.id,
  })
  return { ...people, judgment, c }
}

export async function reload(c: Case) {
  return Case.findOrFail(c.id)
}

/** The refusal audit row the exception handler writes for a 403. */
export async function refusalAudited(user: User, subjectId?: number) {
  const q = AuditEvent.query()
    .where('action', 'access.denied')
    .where('actor_id', user.id)
    .where('outcome', 'refused')
  if (subjectId) q.where('subject_id', String(subjectId))
  return (await q.first()) !== null
}

/** Form rows the way a browser posts them (parties[0][name]=…), which the test client does not do by itself. */
export function rows(prefix: string, items: Record<string, unknown>[]): Record<string, string> {
  const out: Record<string, string> = {}
  items.forEach((item, i) => {
    for (const [k, v] of Object.entries(item)) out[`${prefix}[${i}][${k}]`] = String(v ?? '')
  })
  return out
}
