import { errors as lucidErrors } from '@adonisjs/lucid'
import { User } from '#accounts'
import { AccessDenied, RuleViolation, bumpFence } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import type Case from '../models/case.js'
import Judgment from '../models/judgment.js'
import EnforcementRequest from '../models/enforcement_request.js'
import { lockCase } from '../services/case_lock.js'
import { isHeadOf } from '../services/access.js'
import { assertPastDay, writeTransaction } from '../services/dates.js'
import { openAssignment, openStatusSpan } from '../services/spans.js'
import { insertEvent, insertMoney, refreshCaches } from '../services/ledger.js'
import { addTerm } from '../services/search/terms.js'
import { refreshRequestDeadline } from '../services/deadlines/store.js'
import { EVENT_RULES } from '../state_machine.js'

/** Decision number: sequence per unit and calendar year of the decision date. */
export function decisionNumber(seq: number): string {
  return `${seq}/QĐ-THADS`
}

/**
 * Use case: the head of the unit approves a submitted draft. The case is accepted (thụ lý) on the
 * decision date: it gets its number, the decision_approved event and first status span, one obligation
 * entry per money obligation, and its officer (officer_assigned event + assignment span) — all in one
 * transaction, so a case is never half-accepted.
 */
export class ApproveDecision {
  async handle(
    actor: User,
    caseId: number,
    input: { decisionDate: string; officerId: number; comment?: string | null }
  ): Promise<Case> {
    assertPastDay(input.decisionDate, 'decision_date')
    return writeTransaction(async (trx) => {
      // Approvals of one unit queue on the unit row BEFORE taking any case lock: numbering reads the unit's
      // whole (unit, year) range, and taking that range while holding another draft's lock deadlocked MySQL.
      // The fence is a conflicting write, so approvals racing on two Galera nodes cannot both commit a number.
      const owner = await trx.from('cases').where('id', caseId).select('unit_id').first()
      if (owner) await bumpFence(trx, `decision_no:${owner.unit_id}`)
      const c = await lockCase(trx, caseId)
      if (!c) throw new lucidErrors.E_ROW_NOT_FOUND()
      if (!isHeadOf(actor, c.unitId))
        throw new AccessDenied('not_unit_head', { type: 'case', id: c.id })
      if (c.draftStatus !== 'submitted') throw new RuleViolation('cases.errors.not_submitted')
      const officer = await User.query({ client: trx })
        .where('id', input.officerId)
        .preload('roles')
        .first()
      if (
        !officer ||
        officer.unitId !== c.unitId ||
        !officer.isActive ||
        !officer.hasRole('officer')
      ) {
        throw new RuleViolation('cases.errors.officer_invalid')
      }
      const day = input.decisionDate
      if (c.judgmentId) {
        const judgment = await Judgment.find(c.judgmentId, { client: trx })
        if (judgment && day < judgment.judgmentDate)
          throw new RuleViolation('cases.errors.decision_before_source', {
            date: judgment.judgmentDate,
          })
      }
      const request = c.requestId
        ? await EnforcementRequest.find(c.requestId, { client: trx })
        : null
      if (request && request.status !== 'pending')
        throw new RuleViolation('cases.errors.request_not_pending')
      if (request && day < request.receivedOn)
        throw new RuleViolation('cases.errors.decision_before_source', { date: request.receivedOn })
      const { editRequestId } = await assertWritable(c.unitId, day, {
        actorId: actor.id,
        caseId: c.id,
        trx,
      })

      const year = Number(day.slice(0, 4))
      // A locking read sees the latest committed number even if this transaction's snapshot is older.
      const topQuery = trx
        .from('cases')
        .where('unit_id', c.unitId)
        .where('year', year)
        .max('seq as top')
      if (trx.dialect.name === 'mysql') topQuery.forUpdate()
      const top = await topQuery.first()
      const seq = Number(top?.top ?? 0) + 1
      c.merge({
        year,
        seq,
        number: decisionNumber(seq),
        decisionDate: day,
        draftStatus: 'approved',
        reviewedById: actor.id,
        reviewComment: input.comment?.trim() || null,
        officerId: officer.id,
      })
      c.useTransaction(trx)
      await c.save()
      await addTerm(trx, c.id, 'number', c.number)

      const approvedId = await insertEvent(trx, c, {
        type: 'decision_approved',
        effectiveDate: day,
        actorId: actor.id,
        documentNumber: c.number,
        statusAfter: EVENT_RULES.decision_approved.to,
        editRequestId,
      })
      await openStatusSpan(trx, c, EVENT_RULES.decision_approved.to, day, approvedId)
      const obligations = await trx
        .from('case_obligations')
        .where('case_id', c.id)
        .where('kind', 'money')
        .orderBy('id')
      for (const o of obligations) {
        await insertMoney(trx, c, {
          kind: 'obligation',
          amount: Number(o.amount),
          effectiveDate: day,
          actorId: actor.id,
          eventId: approvedId,
          editRequestId,
        })
      }
      await insertEvent(trx, c, {
        type: 'officer_assigned',
        effectiveDate: day,
        actorId: actor.id,
        officerId: officer.id,
        editRequestId,
      })
      await openAssignment(trx, c, officer.id, day)
      if (request) {
        await trx
          .from('enforcement_requests')
          .where('id', request.id)
          .update({ status: 'accepted', decided_on: day })
        await refreshRequestDeadline(trx, request.id)
      }
      const after = await refreshCaches(trx, c)
      await recordAudit(
        {
          actor,
          unit: { id: c.unitId, path: c.unitPath },
          action: 'case.decision_approved',
          subjectType: 'case',
          subjectId: c.id,
          before: { draftStatus: 'submitted' },
          after: {
            draftStatus: 'approved',
            number: c.number,
            decisionDate: day,
            officerId: officer.id,
            ...after,
            editRequestId,
          },
        },
        trx
      )
      return c
    })
  }
}
