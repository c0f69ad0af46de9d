/** Builders for the transfer tests: one unit's staff and several accepted cases through the real actions. */
import type { User } from '#accounts'
import { CreateJudgment, SaveDraftDecision, ApproveDecision, RecordCollection } from '#cases'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { day } from '../cases/_setup.js'

export { day, pinClock, TODAY, refusalAudited } from '../cases/_setup.js'

export interface Staff {
  clerk: User
  head: User
  officer: User
  officer2: User
}

export async function unitStaff(unit: string = UNITS.badinh): Promise<Staff> {
  const [clerk, head, officer, officer2] = await Promise.all([
    makeUser(unit, ['intake_clerk']),
    makeUser(unit, ['head']),
    makeUser(unit, ['officer']),
    makeUser(unit, ['officer']),
  ])
  return { clerk, head, officer, officer2 }
}

/** An accepted case of `amount` assigned to `officer` (default: the staff's first officer), optionally with a collection. */
export async function openCase(
  s: Staff,
  options: { amount?: number; officer?: User; collected?: number; debtor?: string } = {}
) {
  const judgment = await new CreateJudgment().handle(s.clerk, {
    number: `${Math.floor(Math.random() * 1e6)}/2026/DS-ST`,
    judgmentDate: day(0),
    court: 'TAND quận Ba Đình',
    type: 'civil',
    receivedOn: day(0),
  })
  const draft = await new SaveDraftDecision().handle(s.clerk, {
    kind: 'ex_officio',
    judgmentId: judgment.id,
    parties: [
      { role: 'debtor', name: options.debtor ?? 'Trần Văn Nợ' },
      { role: 'creditor', name: 'Công ty TNHH Minh Phát' },
    ],
    obligations: [
      {
        kind: 'money',
        description: 'Trả tiền hàng',
        amount: options.amount ?? 10_000_000,
        payee: 'creditor',
      },
      { kind: 'non_money', description: 'Trả lại máy xúc' },
    ],
    submit: true,
  })
  const officer = options.officer ?? s.officer
  const c = await new ApproveDecision().handle(s.head, draft.id, {
    decisionDate: day(0),
    officerId: officer.id,
  })
  if (options.collected) {
    await new RecordCollection().handle(officer, c.id, {
      amount: options.collected,
      effectiveDate: day(1),
      receiptNumber: `BL-${c.id}`,
    })
  }
  return c
}

/** A form post the way the browser sends it (session, CSRF token), without following the redirect. */
export function postForm(client: any, url: string, user: User, form: Record<string, unknown> = {}) {
  return as(client.post(url), user).withCsrfToken().form(form).redirects(0)
}
