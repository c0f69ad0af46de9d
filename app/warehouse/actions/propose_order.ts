import type { User } from '#accounts'
import { RuleViolation } from '#core'
import { recordAudit } from '#audit'
import WarehouseOrder from '../models/warehouse_order.js'
import { applyMovement, type OrderKind } from '../rules.js'
import { assertCanPropose } from '../services/access.js'
import { findExhibit, quantitiesOf } from '../services/ledger.js'
import { writeTransaction } from '../services/tx.js'

export interface OrderInput {
  kind: OrderKind
  quantity: number
  reason: string
}

/**
 * Use case: the keeper or the officer of the item's case proposes an order (intake, outflow, extraction, its
 * return, transfer). Checked now against the current quantities for early feedback, and again on execution.
 */
export class ProposeOrder {
  async handle(actor: User, exhibitId: number, input: OrderInput): Promise<WarehouseOrder> {
    return writeTransaction(async (trx) => {
      const e = await findExhibit(exhibitId, trx)
      await assertCanPropose(actor, e, trx)
      if (e.status === 'closed') throw new RuleViolation('warehouse.errors.closed')
      if (e.status === 'awaiting' && input.kind !== 'intake')
        throw new RuleViolation('warehouse.errors.not_received')
      const check = applyMovement(quantitiesOf(e), input.kind, input.quantity)
      if ('error' in check) throw new RuleViolation(check.error, check.data ?? {})
      const order = await WarehouseOrder.create(
        {
          exhibitId: e.id,
          unitId: e.unitId,
          unitPath: e.unitPath,
          kind: input.kind,
          quantity: input.quantity,
          reason: input.reason.trim(),
          status: 'proposed',
          proposedById: actor.id,
          version: 0,
        },
        { client: trx }
      )
      await recordAudit(
        {
          actor,
          unit: { id: e.unitId, path: e.unitPath },
          action: 'warehouse.order_proposed',
          subjectType: 'warehouse_order',
          subjectId: order.id,
          after: {
            exhibitId: e.id,
            kind: order.kind,
            quantity: order.quantity,
            reason: order.reason,
          },
        },
        trx
      )
      return order
    })
  }
}
