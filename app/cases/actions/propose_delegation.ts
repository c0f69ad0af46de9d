import { errors as lucidErrors } from '@adonisjs/lucid'
import { User, Unit } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import Delegation, { DELEGATION_TARGET_LEVELS, type DelegationScope } from '../models/delegation.js'
import { isOpen } from '../state_machine.js'
import { lockCase } from '../services/case_lock.js'
import { canReadCase, canRecord, isHeadOf } from '../services/access.js'
import { writeTransaction } from '../services/dates.js'
import { today } from '../services/dates.js'
import { confirmDelegationWithin } from './confirm_delegation.js'

export interface DelegationInput {
  toUnitId: number
  scope: DelegationScope
  /** Partial delegation: the amount moved (integer VND, less than the remaining). */
  amount?: number | null
  reason?: string | null
  /** Only the sender's head: confirm at once with the delegation decision's date and number. */
  confirm?: { effectiveDate: string; decisionNumber?: string | null } | null
}

/**
 * Use case: the case's officer (or its unit head) proposes to delegate the case — fully or for an amount —
 * to another province, district or military enforcement unit. The sender's head confirms it.
 */
export class ProposeDelegation {
  async handle(actor: User, caseId: number, input: DelegationInput): Promise<Delegation> {
    return writeTransaction(async (trx) => {
      const c = await lockCase(trx, caseId)
      if (!c) throw new lucidErrors.E_ROW_NOT_FOUND()
      if (!canReadCase(actor, c))
        throw new AccessDenied('outside_jurisdiction', { type: 'case', id: c.id })
      if (!canRecord(actor, c) && !isHeadOf(actor, c.unitId))
        throw new AccessDenied('not_assigned', { type: 'case', id: c.id })
      if (input.confirm && !isHeadOf(actor, c.unitId))
        throw new AccessDenied('not_unit_head', { type: 'case', id: c.id })
      if (c.draftStatus !== 'approved' || !isOpen(c.status))
        throw new RuleViolation('transfers.errors.case_not_open', { status: c.status })
      const target = await Unit.find(input.toUnitId, { client: trx })
      if (
        !target ||
        target.id === c.unitId ||
        !(DELEGATION_TARGET_LEVELS as readonly string[]).includes(target.level) ||
        !target.isValidOn(today())
      ) {
        throw new RuleViolation('transfers.errors.target_invalid')
      }
      let amount = c.remaining
      if (input.scope === 'partial') {
        amount = Number(input.amount)
        if (!Number.isSafeInteger(amount) || amount <= 0 || amount >= c.remaining)
          throw new RuleViolation('transfers.errors.partial_amount', { remaining: c.remaining })
      }
      const pending = await Delegation.query({ client: trx })
        .where('case_id', c.id)
        .whereIn('status', ['proposed', 'confirmed'])
        .first()
      if (pending)
        throw new RuleViolation('transfers.errors.delegation_pending', { id: pending.id })

      const d = new Delegation()
      d.useTransaction(trx)
      d.fill({
        caseId: c.id,
        fromUnitId: c.unitId,
        fromUnitPath: c.unitPath,
        toUnitId: target.id,
        toUnitPath: target.path,
        scope: input.scope,
        amount,
        reason: input.reason?.trim() || null,
        status: 'proposed',
        proposedById: actor.id,
      })
      await d.save()
      await recordAudit(
        {
          actor,
          unit: { id: c.unitId, path: c.unitPath },
          action: 'delegation.proposed',
          subjectType: 'delegation',
          subjectId: d.id,
          after: { caseId: c.id, toUnitId: target.id, scope: input.scope, amount },
        },
        trx
      )
      if (input.confirm) await confirmDelegationWithin(trx, actor, d, c, input.confirm)
      return d
    })
  }
}
