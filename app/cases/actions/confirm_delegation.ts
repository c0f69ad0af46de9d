import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { DateTime } from 'luxon'
import { User, Unit } from '#accounts'
import { RuleViolation } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import type Case from '../models/case.js'
import Delegation from '../models/delegation.js'
import { isOpen } from '../state_machine.js'
import { lockCase } from '../services/case_lock.js'
import { assertPastDay, writeTransaction } from '../services/dates.js'
import { assertHeadOf } from '../services/transfers.js'
import { currentSpanStart } from '../services/spans.js'

export interface ConfirmDelegationInput {
  effectiveDate: string
  decisionNumber?: string | null
}

/**
 * Use case: the sender's head confirms a proposed delegation with the date and number of the delegation
 * decision. The case is not yet changed: it ends (or shrinks) on that date when the receiver accepts.
 */
export class ConfirmDelegation {
  async handle(actor: User, delegationId: number, input: ConfirmDelegationInput) {
    return writeTransaction(async (trx) => {
      const d = await lockDelegation(trx, delegationId)
      const unit = await Unit.findOrFail(d.fromUnitId, { client: trx })
      assertHeadOf(actor, unit, { type: 'delegation', id: d.id })
      const c = await lockCase(trx, d.caseId)
      if (!c) throw new lucidErrors.E_ROW_NOT_FOUND()
      return confirmDelegationWithin(trx, actor, d, c, input)
    })
  }
}

export async function lockDelegation(
  trx: TransactionClientContract,
  id: number
): Promise<Delegation> {
  const query = Delegation.query({ client: trx }).where('id', id)
  if (trx.dialect.name === 'mysql') query.forUpdate()
  const d = await query.first()
  if (!d) throw new lucidErrors.E_ROW_NOT_FOUND()
  return d
}

export async function confirmDelegationWithin(
  trx: TransactionClientContract,
  actor: User,
  d: Delegation,
  c: Case,
  input: ConfirmDelegationInput
) {
  if (d.status !== 'proposed')
    throw new RuleViolation('transfers.errors.not_proposed', { status: d.status })
  if (!isOpen(c.status))
    throw new RuleViolation('transfers.errors.case_not_open', { status: c.status })
  const day = input.effectiveDate
  assertPastDay(day)
  if (day < c.decisionDate!)
    throw new RuleViolation('cases.errors.before_decision', { date: c.decisionDate })
  const spanStart = await currentSpanStart(trx, c.id)
  if (spanStart && day < spanStart)
    throw new RuleViolation('cases.errors.before_last_change', { date: spanStart })
  if (d.scope === 'partial' && d.amount >= c.remaining)
    throw new RuleViolation('transfers.errors.partial_amount', { remaining: c.remaining })
  await assertWritable(c.unitId, day, { actorId: actor.id, caseId: c.id, trx })
  d.useTransaction(trx)
  d.merge({
    status: 'confirmed',
    effectiveDate: day,
    decisionNumber: input.decisionNumber?.trim() || null,
    confirmedById: actor.id,
    confirmedAt: DateTime.utc(),
    amount: d.scope === 'full' ? c.remaining : d.amount,
  })
  await d.save()
  await recordAudit(
    {
      actor,
      unit: { id: d.fromUnitId, path: d.fromUnitPath },
      action: 'delegation.confirmed',
      subjectType: 'delegation',
      subjectId: d.id,
      before: { status: 'proposed' },
      after: {
        status: 'confirmed',
        effectiveDate: day,
        decisionNumber: d.decisionNumber,
        amount: d.amount,
      },
    },
    trx
  )
  return d
}
