import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors as lucidErrors } from '@adonisjs/lucid'
import Exhibit from '../models/exhibit.js'
import WarehouseOrder from '../models/warehouse_order.js'
import type { Quantities } from '../rules.js'

export async function findExhibit(id: number, trx?: TransactionClientContract): Promise<Exhibit> {
  const e = await Exhibit.query(trx ? { client: trx } : undefined)
    .where('id', id || 0)
    .first()
  if (!e) throw new lucidErrors.E_ROW_NOT_FOUND()
  return e
}

export async function findOrder(
  id: number,
  trx?: TransactionClientContract
): Promise<WarehouseOrder> {
  const o = await WarehouseOrder.query(trx ? { client: trx } : undefined)
    .where('id', id || 0)
    .first()
  if (!o) throw new lucidErrors.E_ROW_NOT_FOUND()
  return o
}

/** The item's quantities as the ledger row holds them. */
export function quantitiesOf(e: Exhibit): Quantities {
  return {
    declared: e.declaredQuantity,
    held: e.quantityHeld,
    out: e.quantityOut,
    received: e.quantityReceived,
  }
}

/** Reads the item again; on MySQL/MariaDB as a locking read, which sees the latest committed version. */
export async function freshExhibit(id: number, trx: TransactionClientContract): Promise<Exhibit> {
  const q = Exhibit.query({ client: trx }).where('id', id)
  if (trx.dialect.name === 'mysql') q.forUpdate()
  return (await q.first())!
}

/** "Area A, shelf 3" or "outside: place (custodian)" as written in movement records. */
export function locationText(e: {
  locationKind: string
  location: string | null
  custodian: string | null
}): string {
  if (e.locationKind === 'outside')
    return `Ngoài kho: ${e.location ?? ''}${e.custodian ? ` (${e.custodian})` : ''}`.trim()
  return `Trong kho: ${e.location ?? ''}`.trim()
}
