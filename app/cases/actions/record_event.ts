import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { User } from '#accounts'
import { RuleViolation } from '#core'
import { assertWritable } from '#periods'
import type Case from '../models/case.js'
import { ruleFor, transition, isTerminal, type EventType } from '../state_machine.js'
import { lockCase } from '../services/case_lock.js'
import { assertCanRecord } from '../services/access.js'
import { assertPastDay, writeTransaction } from '../services/dates.js'
import { lowestFrom, totals } from '../services/balance.js'
import {
  currentAssignmentStart,
  currentSpanStart,
  openAssignment,
  openStatusSpan,
} from '../services/spans.js'
import {
  insertEvent,
  insertMoney,
  lastBalanceDay,
  loadLines,
  finishEventWrite,
} from '../services/ledger.js'

export interface EventInput {
  type: EventType
  effectiveDate: string
  documentNumber?: string | null
  legalGround?: string | null
  amount?: number | null
  note?: string | null
  data?: Record<string, unknown> | null
  officerId?: number | null
  targetUnitId?: number | null
}

export interface RecordedEvent {
  case: Case
  eventId: number
  statusAfter: string | null
  moneyEntryId: number | null
}

/**
 * Records one legal act on a case. `handle` serves the assigned officer's event form and the API;
 * `within` is the core every event flow (assignment, handover, delegation, withdrawal…) calls inside its
 * own transaction after its own authorization: it locks the case, asks the transition table, keeps the
 * spans ordered, settles the balance for terminal events, refreshes the caches and audits.
 */
export class RecordEvent {
  async handle(actor: User, caseId: number, input: EventInput): Promise<RecordedEvent> {
    if (!ruleFor(input.type).manual)
      throw new RuleViolation('cases.errors.event_not_manual', { type: input.type })
    return writeTransaction((trx) =>
      this.within(trx, actor, caseId, input, (c) => assertCanRecord(actor, c))
    )
  }

  async within(
    trx: TransactionClientContract,
    actor: User,
    caseId: number,
    input: EventInput,
    authorize: (c: Case) => void | Promise<void>
  ): Promise<RecordedEvent> {
    const c = await lockCase(trx, caseId)
    if (!c) throw new lucidErrors.E_ROW_NOT_FOUND()
    await authorize(c)
    if (c.draftStatus !== 'approved') throw new RuleViolation('cases.errors.not_accepted')

    const rule = ruleFor(input.type)
    const day = input.effectiveDate
    assertPastDay(day)
    if (day < c.decisionDate!)
      throw new RuleViolation('cases.errors.before_decision', { date: c.decisionDate })
    const spanStart = await currentSpanStart(trx, c.id)
    if (spanStart && day < spanStart)
      throw new RuleViolation('cases.errors.before_last_change', { date: spanStart })

    const step = transition(input.type, c.status)
    if (!step.allowed) {
      throw new RuleViolation('cases.errors.transition_refused', {
        event: input.type,
        status: c.status,
      })
    }
    const ground = input.legalGround?.trim() || null
    if (rule.grounds && (!ground || !rule.grounds.includes(ground))) {
      throw new RuleViolation('cases.errors.ground_required', { grounds: rule.grounds.join(', ') })
    }
    const amount = input.amount ?? null
    if (
      rule.amount === 'positive' &&
      !(amount !== null && Number.isSafeInteger(amount) && amount > 0)
    ) {
      throw new RuleViolation('cases.errors.amount_positive')
    }
    if (
      rule.amount === 'signed' &&
      !(amount !== null && Number.isSafeInteger(amount) && amount !== 0)
    ) {
      throw new RuleViolation('cases.errors.amount_nonzero')
    }
    if (rule.assigns) {
      if (!input.officerId) throw new RuleViolation('cases.errors.officer_required')
      const since = await currentAssignmentStart(trx, c.id)
      if (since && day < since)
        throw new RuleViolation('cases.errors.before_last_change', { date: since })
    }

    const { editRequestId } = await assertWritable(c.unitId, day, {
      actorId: actor.id,
      caseId: c.id,
      trx,
    })

    // Balance rules: a settling event must not predate a balance change, and must leave no later day negative.
    const lines = await loadLines(trx, c.id)
    const lastDay = lastBalanceDay(lines)
    const endsCase = step.to !== null && isTerminal(step.to)
    if (endsCase && lastDay && day < lastDay)
      throw new RuleViolation('cases.errors.before_last_money', { date: lastDay })
    const now = totals(lines)
    if (rule.needsSettledBalance && (now.remaining !== 0 || now.held !== 0)) {
      throw new RuleViolation('cases.errors.money_left', {
        remaining: now.remaining,
        held: now.held,
      })
    }
    let moneyAmount: number | null = null
    if (rule.money) {
      moneyAmount = rule.amount ? amount! : now.remaining
      const low = lowestFrom(lines, day, {
        kind: rule.money,
        amount: moneyAmount,
        effectiveDate: day,
      })
      if (low.remaining < 0)
        throw new RuleViolation('cases.errors.beyond_remaining', { remaining: now.remaining })
    }

    const before = {
      status: c.status,
      remaining: c.remaining,
      held: c.held,
      officerId: c.officerId,
    }
    const eventId = await insertEvent(trx, c, {
      type: input.type,
      effectiveDate: day,
      actorId: actor.id,
      documentNumber: input.documentNumber?.trim() || null,
      legalGround: ground,
      amount: moneyAmount ?? amount,
      statusAfter: step.to,
      targetUnitId: input.targetUnitId ?? null,
      officerId: input.officerId ?? null,
      data: input.data ?? null,
      note: input.note?.trim() || null,
      editRequestId,
    })
    if (step.to) await openStatusSpan(trx, c, step.to, day, eventId)
    if (rule.assigns) {
      await openAssignment(trx, c, input.officerId!, day)
      await trx.from('cases').where('id', c.id).update({ officer_id: input.officerId })
      c.officerId = input.officerId!
    }
    let moneyEntryId: number | null = null
    if (rule.money && moneyAmount) {
      moneyEntryId = await insertMoney(trx, c, {
        kind: rule.money,
        amount: moneyAmount,
        effectiveDate: day,
        actorId: actor.id,
        eventId,
        editRequestId,
      })
    }
    await finishEventWrite(trx, actor, c, before, {
      officerId: c.officerId,
      event: input.type,
      eventId,
      effectiveDate: day,
      amount: moneyAmount ?? amount,
      legalGround: ground,
      editRequestId,
    })
    return { case: c, eventId, statusAfter: step.to, moneyEntryId }
  }
}
