import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { User, Unit } from '#accounts'
import { RuleViolation } from '#core'
import { recordAudit } from '#audit'
import Handover from '../models/handover.js'
import { RecordEvent } from './record_event.js'
import { writeTransaction } from '../services/dates.js'
import { activeOfficer, assertHeadOf, nowSql } from '../services/transfers.js'

/**
 * Use case: the unit head confirms a proposed handover. Each case gets a `handover` event on the handover's
 * effective date (through the event core: case lock, period lock, audit) and its assignment span moves to
 * the receiver, tagged with the handover; the money each case holds moves with it and is recorded.
 */
export class ConfirmHandover {
  async handle(actor: User, handoverId: number, input: { note?: string | null } = {}) {
    return writeTransaction(async (trx) => {
      const handover = await lockHandover(trx, handoverId)
      const unit = await Unit.findOrFail(handover.unitId, { client: trx })
      assertHeadOf(actor, unit, { type: 'handover', id: handover.id })
      return confirmHandoverWithin(trx, actor, handover, input.note ?? null)
    })
  }
}

export async function lockHandover(trx: TransactionClientContract, id: number): Promise<Handover> {
  const query = Handover.query({ client: trx }).where('id', id)
  if (trx.dialect.name === 'mysql') query.forUpdate()
  const handover = await query.first()
  if (!handover) throw new lucidErrors.E_ROW_NOT_FOUND()
  return handover
}

export async function confirmHandoverWithin(
  trx: TransactionClientContract,
  actor: User,
  handover: Handover,
  note: string | null = null
): Promise<Handover> {
  if (handover.status !== 'proposed')
    throw new RuleViolation('transfers.errors.not_proposed', { status: handover.status })
  const to = await activeOfficer(trx, handover.toOfficerId)
  if (!to || to.unitId !== handover.unitId)
    throw new RuleViolation('transfers.errors.receiver_invalid')
  const items = await trx.from('handover_cases').where('handover_id', handover.id).orderBy('id')
  const core = new RecordEvent()
  let heldTotal = 0
  let remainingTotal = 0
  for (const item of items) {
    const done = await core.within(
      trx,
      actor,
      Number(item.case_id),
      {
        type: 'handover',
        effectiveDate: handover.effectiveDate,
        officerId: handover.toOfficerId,
        documentNumber: `BG-${handover.id}`,
        note: note?.trim() || handover.reason,
        data: { handoverId: handover.id },
      },
      (c) => {
        if (c.officerId !== handover.fromOfficerId)
          throw new RuleViolation('transfers.errors.case_moved', { number: c.number })
      }
    )
    await trx
      .from('case_assignments')
      .where('case_id', done.case.id)
      .whereNull('to_date')
      .update({ handover_id: handover.id })
    await trx
      .from('handover_cases')
      .where('id', item.id)
      .update({ held: done.case.held, remaining: done.case.remaining, event_id: done.eventId })
    heldTotal += done.case.held
    remainingTotal += done.case.remaining
  }
  const before = { status: handover.status, heldTotal: handover.heldTotal }
  handover.useTransaction(trx)
  handover.merge({
    status: 'confirmed',
    confirmedById: actor.id,
    heldTotal,
    remainingTotal,
    caseCount: items.length,
    decisionNote: note?.trim() || null,
  })
  await handover.save()
  await trx.from('handovers').where('id', handover.id).update({ decided_at: nowSql() })
  await recordAudit(
    {
      actor,
      unit: { id: handover.unitId, path: handover.unitPath },
      action: 'handover.confirmed',
      subjectType: 'handover',
      subjectId: handover.id,
      before,
      after: {
        status: 'confirmed',
        fromOfficerId: handover.fromOfficerId,
        toOfficerId: handover.toOfficerId,
        cases: items.length,
        heldTotal,
        remainingTotal,
        effectiveDate: handover.effectiveDate,
      },
    },
    trx
  )
  return handover
}
