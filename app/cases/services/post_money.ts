import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors as lucidErrors } from '@adonisjs/lucid'
import type { User } from '#accounts'
import { RuleViolation } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import type Case from '../models/case.js'
import { isTerminal } from '../state_machine.js'
import { lockCase } from './case_lock.js'
import { assertPastDay } from './dates.js'
import { lowestFrom, totals } from './balance.js'
import { insertMoney, loadLines, refreshCaches } from './ledger.js'

export interface MoneyInput {
  kind: 'collected' | 'paid_out' | 'fee'
  amount: number
  effectiveDate: string
  receiptNumber?: string | null
  payee?: 'creditor' | 'state_budget' | null
}

/**
 * The shared core of the money actions (collection, payout, fee): lock the case row, authorize, check the
 * lock and the balance on every day from the posting's date on, insert, refresh caches, audit.
 */
export async function postMoney(
  trx: TransactionClientContract,
  actor: User,
  caseId: number,
  input: MoneyInput,
  authorize: (c: Case) => void
): Promise<{ case: Case; entryId: number }> {
  const c = await lockCase(trx, caseId)
  if (!c) throw new lucidErrors.E_ROW_NOT_FOUND()
  authorize(c)
  if (c.draftStatus !== 'approved') throw new RuleViolation('cases.errors.not_accepted')
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new RuleViolation('cases.errors.amount_positive')
  const day = input.effectiveDate
  assertPastDay(day)
  if (day < c.decisionDate!)
    throw new RuleViolation('cases.errors.before_decision', { date: c.decisionDate })
  // Collections belong to a live case; payouts of money already held stay possible after it ended.
  if (input.kind === 'collected' && isTerminal(c.status))
    throw new RuleViolation('cases.errors.case_closed', { status: c.status })
  if (input.kind === 'collected' && !input.receiptNumber?.trim())
    throw new RuleViolation('cases.errors.receipt_required')
  if (input.kind === 'paid_out' && !input.payee)
    throw new RuleViolation('cases.errors.payee_required')

  const { editRequestId } = await assertWritable(c.unitId, day, {
    actorId: actor.id,
    caseId: c.id,
    trx,
  })
  const lines = await loadLines(trx, c.id)
  const low = lowestFrom(lines, day, { kind: input.kind, amount: input.amount, effectiveDate: day })
  const now = totals(lines)
  if (low.remaining < 0)
    throw new RuleViolation('cases.errors.beyond_remaining', { remaining: now.remaining })
  if (low.held < 0) throw new RuleViolation('cases.errors.beyond_held', { held: now.held })

  const before = { remaining: c.remaining, held: c.held }
  const entryId = await insertMoney(trx, c, {
    kind: input.kind,
    amount: input.amount,
    effectiveDate: day,
    actorId: actor.id,
    receiptNumber: input.receiptNumber?.trim() || null,
    payee: input.kind === 'paid_out' ? input.payee : null,
    editRequestId,
  })
  const after = await refreshCaches(trx, c)
  await recordAudit(
    {
      actor,
      unit: { id: c.unitId, path: c.unitPath },
      action: `case.money_${input.kind}`,
      subjectType: 'case',
      subjectId: c.id,
      before,
      after: {
        remaining: after.remaining,
        held: after.held,
        entryId,
        amount: input.amount,
        effectiveDate: day,
        editRequestId,
      },
    },
    trx
  )
  return { case: c, entryId }
}
