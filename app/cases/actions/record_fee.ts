import { writeTransaction } from '../services/dates.js'
import type { User } from '#accounts'
import { postMoney, type MoneyInput } from '../services/post_money.js'
import { assertCanRecord } from '../services/access.js'

/** Use case: the assigned officer records an enforcement fee; it does not change the remaining obligation. */
export class RecordFee {
  async handle(actor: User, caseId: number, input: Omit<MoneyInput, 'kind'>) {
    return writeTransaction((trx) =>
      postMoney(trx, actor, caseId, { ...input, kind: 'fee' }, (c) => assertCanRecord(actor, c))
    )
  }
}
