import { writeTransaction } from '../services/dates.js'
import type { User } from '#accounts'
import { postMoney, type MoneyInput } from '../services/post_money.js'
import { assertCanRecord } from '../services/access.js'

/** Use case: the assigned officer records money collected from the debtor, with its receipt number. */
export class RecordCollection {
  async handle(actor: User, caseId: number, input: Omit<MoneyInput, 'kind'>) {
    return writeTransaction((trx) =>
      postMoney(trx, actor, caseId, { ...input, kind: 'collected' }, (c) =>
        assertCanRecord(actor, c)
      )
    )
  }
}
