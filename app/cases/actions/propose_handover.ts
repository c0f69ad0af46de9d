import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { User, Unit } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import Handover, { type HandoverReason } from '../models/handover.js'
import { OPEN_STATUSES } from '../state_machine.js'
import { assertPastDay, writeTransaction } from '../services/dates.js'
import { activeOfficer, assertHeadOf } from '../services/transfers.js'
import { confirmHandoverWithin } from './confirm_handover.js'

export interface HandoverInput {
  fromOfficerId: number
  toOfficerId: number
  /** The cases to hand over; empty or null = every open case the officer holds. */
  caseIds?: number[] | null
  effectiveDate: string
  reasonKind: HandoverReason
  reason?: string | null
  /** Only the head: confirm at once (the head is the confirming authority). */
  confirm?: boolean
}

/**
 * Use case: the officer who leaves (or the unit head) proposes to hand one, several or all of the officer's
 * open cases — with the money they hold — to another active officer of the same unit. The head confirms
 * (ConfirmHandover); a head's own proposal may be confirmed in the same step.
 */
export class ProposeHandover {
  async handle(actor: User, input: HandoverInput): Promise<Handover> {
    return writeTransaction((trx) => this.within(trx, actor, input))
  }

  async within(
    trx: TransactionClientContract,
    actor: User,
    input: HandoverInput
  ): Promise<Handover> {
    const from = await User.query({ client: trx })
      .where('id', input.fromOfficerId)
      .preload('roles')
      .first()
    if (!from) throw new RuleViolation('transfers.errors.officer_invalid')
    const unit = await Unit.findOrFail(from.unitId, { client: trx })
    const subject = { type: 'user', id: from.id }
    const isSelf = actor.id === from.id && actor.hasRole('officer')
    if (!isSelf) assertHeadOf(actor, unit, subject)
    if (input.confirm && !(actor.hasRole('head') && actor.unitId === unit.id))
      throw new AccessDenied('not_unit_head', subject)
    assertPastDay(input.effectiveDate)

    const to = await activeOfficer(trx, input.toOfficerId)
    if (!to || to.unitId !== unit.id || to.id === from.id)
      throw new RuleViolation('transfers.errors.receiver_invalid')

    const held = await trx
      .from('cases')
      .where('officer_id', from.id)
      .where('unit_id', unit.id)
      .where('draft_status', 'approved')
      .whereIn('status', [...OPEN_STATUSES])
      .select('id', 'number', 'held', 'remaining')
      .orderBy('id')
    const wanted = input.caseIds?.length ? [...new Set(input.caseIds.map(Number))] : null
    const chosen = wanted ? held.filter((c) => wanted.includes(Number(c.id))) : held
    if (wanted && chosen.length !== wanted.length)
      throw new RuleViolation('transfers.errors.case_not_held')
    if (chosen.length === 0) throw new RuleViolation('transfers.errors.no_cases')
    const pending = await trx
      .from('handover_cases')
      .join('handovers', 'handovers.id', 'handover_cases.handover_id')
      .where('handovers.status', 'proposed')
      .whereIn(
        'handover_cases.case_id',
        chosen.map((c) => c.id)
      )
      .select('handover_cases.case_id')
      .first()
    if (pending)
      throw new RuleViolation('transfers.errors.case_in_handover', { id: pending.case_id })

    const handover = new Handover()
    handover.useTransaction(trx)
    handover.fill({
      unitId: unit.id,
      unitPath: unit.path,
      fromOfficerId: from.id,
      toOfficerId: to.id,
      reasonKind: input.reasonKind,
      reason: input.reason?.trim() || null,
      status: 'proposed',
      effectiveDate: input.effectiveDate,
      caseCount: chosen.length,
      heldTotal: chosen.reduce((s, c) => s + Number(c.held), 0),
      remainingTotal: chosen.reduce((s, c) => s + Number(c.remaining), 0),
      requestedById: actor.id,
    })
    await handover.save()
    await trx
      .insertQuery()
      .table('handover_cases')
      .multiInsert(
        chosen.map((c) => ({
          handover_id: handover.id,
          case_id: c.id,
          held: Number(c.held),
          remaining: Number(c.remaining),
        }))
      )
    await recordAudit(
      {
        actor,
        unit: { id: unit.id, path: unit.path },
        action: 'handover.proposed',
        subjectType: 'handover',
        subjectId: handover.id,
        after: {
          fromOfficerId: from.id,
          toOfficerId: to.id,
          cases: chosen.map((c) => Number(c.id)),
          heldTotal: handover.heldTotal,
          effectiveDate: input.effectiveDate,
          reasonKind: input.reasonKind,
        },
      },
      trx
    )
    if (input.confirm) await confirmHandoverWithin(trx, actor, handover)
    return handover
  }
}
