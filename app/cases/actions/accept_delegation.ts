import { User, Unit, reaches } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import type Case from '../models/case.js'
import type Delegation from '../models/delegation.js'
import { RecordEvent } from './record_event.js'
import { assertPastDay, writeTransaction } from '../services/dates.js'
import { createReceivingDraft, writePartialDelegation } from '../services/transfers.js'
import { SUBTREE_READERS } from '../services/access.js'
import { lockDelegation } from './confirm_delegation.js'

/** The receiving unit's head or intake clerk acts on an incoming delegation; others are refused (403). */
export function assertReceiver(user: User, d: Delegation, unit: Unit) {
  if (user.unitId === d.toUnitId && user.hasRole('head', 'intake_clerk')) return
  if (!reaches(user, unit, [...SUBTREE_READERS, 'officer', 'intake_clerk']))
    throw new AccessDenied('outside_jurisdiction', { type: 'delegation', id: d.id })
  throw new AccessDenied('not_receiver', { type: 'delegation', id: d.id })
}

/**
 * Use case: the receiving unit (head or intake clerk) accepts a confirmed delegation. In one transaction:
 *   – the sender's case is written on the delegation's effective date: full → `delegated_out` event, status
 *     span delegated_out and a delegated_amount entry for the whole remaining; partial → a delegated_amount
 *     entry only, and the case continues with the rest;
 *   – a NEW case is created at the receiver: origin delegated_in, source_case_id = the sender's case,
 *     obligation = the delegated amount, as a submitted draft that the receiving head approves with the
 *     receiver's own decision number, date and officer.
 */
export class AcceptDelegation {
  async handle(
    actor: User,
    delegationId: number,
    input: { receivedOn: string; note?: string | null }
  ) {
    return writeTransaction(async (trx) => {
      const d = await lockDelegation(trx, delegationId)
      const receiver = await Unit.findOrFail(d.toUnitId, { client: trx })
      assertReceiver(actor, d, receiver)
      if (d.status !== 'confirmed')
        throw new RuleViolation('transfers.errors.not_confirmed', { status: d.status })
      assertPastDay(input.receivedOn, 'received_on')
      if (input.receivedOn < d.effectiveDate!)
        throw new RuleViolation('transfers.errors.received_before_decision', {
          date: d.effectiveDate,
        })
      const sender = await Unit.findOrFail(d.fromUnitId, { client: trx })

      let source: Case
      let eventId: number
      let amount = d.amount
      if (d.scope === 'full') {
        const done = await new RecordEvent().within(
          trx,
          actor,
          d.caseId,
          {
            type: 'delegated_out',
            effectiveDate: d.effectiveDate!,
            documentNumber: d.decisionNumber,
            targetUnitId: d.toUnitId,
            note: d.reason,
            data: { delegationId: d.id, scope: 'full' },
          },
          () => {}
        )
        source = done.case
        eventId = done.eventId
        const entry = done.moneyEntryId
          ? await trx.from('money_entries').where('id', done.moneyEntryId).select('amount').first()
          : null
        amount = entry ? Number(entry.amount) : 0
      } else {
        const done = await writePartialDelegation(trx, actor, d.caseId, {
          amount: d.amount,
          effectiveDate: d.effectiveDate!,
          documentNumber: d.decisionNumber,
          targetUnitId: d.toUnitId,
          delegationId: d.id,
        })
        source = done.case
        eventId = done.eventId
      }
      const draft = await createReceivingDraft(trx, actor, source, receiver, {
        origin: 'delegated_in',
        amount,
        receivedOn: input.receivedOn,
        documentNumber: d.decisionNumber,
        fromUnitName: sender.name,
        copyNonMoney: d.scope === 'full',
      })
      d.useTransaction(trx)
      d.merge({
        status: 'accepted',
        amount,
        receivedById: actor.id,
        receivedOn: input.receivedOn,
        newCaseId: draft.id,
        eventId,
      })
      await d.save()
      await recordAudit(
        {
          actor,
          unit: { id: receiver.id, path: receiver.path },
          action: 'delegation.accepted',
          subjectType: 'delegation',
          subjectId: d.id,
          before: { status: 'confirmed' },
          after: {
            status: 'accepted',
            amount,
            sourceCaseId: source.id,
            newCaseId: draft.id,
            note: input.note ?? null,
          },
        },
        trx
      )
      return { delegation: d, newCase: draft, source }
    })
  }
}
