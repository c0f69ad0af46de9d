import { writeTransaction } from '../services/dates.js'
import type { User } from '#accounts'
import { postMoney, type MoneyInput } from '../services/post_money.js'
import { assertCanRecord } from '../services/access.js'

/** Use case: the assigned officer pays held money out to the creditor or the State budget, never beyond what is held. */
export class RecordPayout {
  async handle(actor: User, caseId: number, input: Omit<MoneyInput, 'kind'>) {
    return writeTransaction((trx) =>
      postMoney(trx, actor, caseId, { ...input, kind: 'paid_out' }, (c) =>
        assertCanRecord(actor, c)
      )
    )
  }
}
