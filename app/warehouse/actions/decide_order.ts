import type { User } from '#accounts'
import { RuleViolation, today } from '#core'
import { recordAudit } from '#audit'
import type WarehouseOrder from '../models/warehouse_order.js'
import { assertHead } from '../services/access.js'
import { findOrder } from '../services/ledger.js'
import { affected, nowSql, writeTransaction } from '../services/tx.js'

/**
 * Use cases: the head of the item's unit signs a proposed order (it gets its number and date) or refuses it
 * with a reason. A conditional UPDATE on `status = 'proposed'` decides once, even under parallel requests.
 */
export class SignOrder {
  async handle(actor: User, orderId: number, input: { orderNumber?: string | null } = {}) {
    return decide(actor, orderId, 'signed', (o) => ({
      order_number: input.orderNumber?.trim() || `${o.id}/${today().slice(0, 4)}/LKVC`,
      signed_by_id: actor.id,
      signed_on: today(),
    }))
  }
}

export class RefuseOrder {
  async handle(actor: User, orderId: number, input: { reason: string }) {
    const reason = input.reason?.trim() ?? ''
    if (reason.length < 3) throw new RuleViolation('warehouse.errors.refusal_reason')
    return decide(actor, orderId, 'refused', () => ({
      refusal_reason: reason,
      signed_by_id: actor.id,
      signed_on: today(),
    }))
  }
}

async function decide(
  actor: User,
  orderId: number,
  status: 'signed' | 'refused',
  values: (o: WarehouseOrder) => Record<string, unknown>
): Promise<WarehouseOrder> {
  return writeTransaction(async (trx) => {
    const order = await findOrder(orderId, trx)
    assertHead(actor, order.unitId, { type: 'warehouse_order', id: order.id })
    if (order.status !== 'proposed')
      throw new RuleViolation('warehouse.errors.not_proposed', { status: order.status })
    const set = values(order)
    const n = affected(
      await trx
        .from('warehouse_orders')
        .where('id', order.id)
        .where('status', 'proposed')
        .update({ ...set, status, version: order.version + 1, updated_at: nowSql() })
    )
    if (n !== 1) throw new RuleViolation('warehouse.errors.not_proposed', { status: 'changed' })
    await recordAudit(
      {
        actor,
        unit: { id: order.unitId, path: order.unitPath },
        action: status === 'signed' ? 'warehouse.order_signed' : 'warehouse.order_refused',
        subjectType: 'warehouse_order',
        subjectId: order.id,
        before: { status: 'proposed' },
        after: { status, ...set },
      },
      trx
    )
    return findOrder(order.id, trx)
  })
}
