import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { postMoney, type MoneyInput } from '../services/post_money.js'
import { assertCanRecord } from '../services/access.js'

/** Use case: the assigned officer pays held money out to the creditor or the State budget, never beyond what is held. */
export class RecordPayout {
  async handle(actor: User, caseId: number, input: Omit<MoneyInput, 'kind'>) {
    return db.transaction((trx) => postMoney(trx, actor, caseId, { ...input, kind: 'paid_out' }, (c) => assertCanRecord(actor, c)))
  }
}
