import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { User } from '#accounts'
import { AccessDenied, RuleViolation, searchKey } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import Judgment, { type JudgmentType } from '../models/judgment.js'
import { isClerkOf } from '../services/access.js'
import { assertPastDay, writeTransaction } from '../services/dates.js'

export interface JudgmentInput {
  number?: string | null
  judgmentDate: string
  court: string
  type: JudgmentType
  parties?: string | null
  summary?: string | null
  receivedOn: string
}

/** Use case: an intake clerk registers a judgment received from a court, in the clerk's own unit. */
export class CreateJudgment {
  async handle(actor: User, input: JudgmentInput): Promise<Judgment> {
    if (!isClerkOf(actor, actor.unitId)) throw new AccessDenied('intake_only', { type: 'judgment' })
    assertPastDay(input.judgmentDate, 'judgment_date')
    assertPastDay(input.receivedOn, 'received_on')
    if (input.receivedOn < input.judgmentDate)
      throw new RuleViolation('cases.errors.received_before_judgment')
    return writeTransaction(async (trx) => {
      await assertWritable(actor.unitId, input.receivedOn, { actorId: actor.id, trx })
      const judgment = await this.insert(trx, actor.unitId, input, actor.id)
      await recordAudit(
        {
          actor,
          unit: actor.unit,
          action: 'judgment.created',
          subjectType: 'judgment',
          subjectId: judgment.id,
          after: judgment.serialize(),
        },
        trx
      )
      return judgment
    })
  }

  /**
   * A judgment received from a court system (integration plugin) for `unit`: the same date rules and period
   * lock as the form, inside the caller's transaction; the caller authorizes (client scope) and audits.
   */
  async receive(
    trx: TransactionClientContract,
    unitId: number,
    input: JudgmentInput
  ): Promise<Judgment> {
    assertPastDay(input.judgmentDate, 'judgment_date')
    assertPastDay(input.receivedOn, 'received_on')
    if (input.receivedOn < input.judgmentDate)
      throw new RuleViolation('cases.errors.received_before_judgment')
    await assertWritable(unitId, input.receivedOn, { trx })
    return this.insert(trx, unitId, input, null)
  }

  private async insert(
    trx: TransactionClientContract,
    unitId: number,
    input: JudgmentInput,
    createdById: number | null
  ) {
    // The same judgment (same court, number and date) is registered once per unit, whichever way it arrives.
    const number = input.number?.trim()
    if (number) {
      const same = await Judgment.query({ client: trx })
        .where('number', number)
        .where('judgment_date', input.judgmentDate)
        .where('unit_id', unitId)
        .select('id', 'court', 'received_on')
      const court = searchKey(input.court)
      const dup = same.find((j) => searchKey(j.court) === court)
      if (dup)
        throw new RuleViolation('ui.errors.duplicate_judgment', {
          number,
          court: input.court.trim(),
          date: input.judgmentDate,
          id: dup.id,
          receivedOn: dup.receivedOn,
        })
    }
    return Judgment.create(
      {
        unitId,
        number: input.number?.trim() || null,
        judgmentDate: input.judgmentDate,
        court: input.court.trim(),
        type: input.type,
        parties: input.parties?.trim() || null,
        summary: input.summary?.trim() || null,
        receivedOn: input.receivedOn,
        createdById,
      },
      { client: trx }
    )
  }
}
