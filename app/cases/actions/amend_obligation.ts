import { writeTransaction } from '../services/dates.js'
import type { User } from '#accounts'
import { RecordEvent } from './record_event.js'
import { assertCanRecord } from '../services/access.js'

/**
 * Use case: an amending decision changes what the debtor owes. It is an event (with its document number)
 * that writes a signed obligation entry; the balance may never go below zero on any later day.
 */
export class AmendObligation {
  async handle(
    actor: User,
    caseId: number,
    input: {
      amount: number
      effectiveDate: string
      documentNumber?: string | null
      note?: string | null
    }
  ) {
    return writeTransaction((trx) =>
      new RecordEvent().within(trx, actor, caseId, { type: 'obligation_amended', ...input }, (c) =>
        assertCanRecord(actor, c)
      )
    )
  }
}
