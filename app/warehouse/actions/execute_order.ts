import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { User } from '#accounts'
import { RuleViolation, today } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import type Exhibit from '../models/exhibit.js'
import type WarehouseOrder from '../models/warehouse_order.js'
import { applyMovement, MIN_COUNCIL, statusAfter, type OrderKind } from '../rules.js'
import { assertKeeper } from '../services/access.js'
import {
  findExhibit,
  findOrder,
  freshExhibit,
  locationText,
  quantitiesOf,
} from '../services/ledger.js'
import { affected, nowSql, writeTransaction } from '../services/tx.js'

export interface ExecutionInput {
  documentNumber: string
  movementDate: string
  handedBy?: string | null
  receivedBy?: string | null
  members?: string[]
  result?: string | null
  proceeds?: number | null
  locationKind?: 'warehouse' | 'outside' | null
  location?: string | null
  custodian?: string | null
}

/** Kinds whose record names who received the item. */
const NEEDS_RECEIVER: readonly OrderKind[] = ['return_owner', 'to_finance', 'extraction', 'auction']

function checkInput(kind: OrderKind, input: ExecutionInput) {
  if (kind === 'destruction' && (input.members ?? []).length < MIN_COUNCIL)
    throw new RuleViolation('warehouse.errors.council', { min: MIN_COUNCIL })
  if (NEEDS_RECEIVER.includes(kind) && !input.receivedBy?.trim())
    throw new RuleViolation('warehouse.errors.receiver_required')
  if (kind === 'intake' || kind === 'transfer') {
    if (!input.locationKind || !input.location?.trim())
      throw new RuleViolation('warehouse.errors.location_required')
    if (input.locationKind === 'outside' && !input.custodian?.trim())
      throw new RuleViolation('warehouse.errors.custodian_required')
  }
}

/**
 * Use case: the keeper executes a signed order. In one transaction: role and unit, the order's state, the
 * period lock on the movement date, the quantities, then two conditional UPDATEs — the order from `signed`
 * (at its version) to `executed`, the item at its version to the new quantities — so that an order executes
 * once and an item never goes below zero even on a multi-master cluster, then the movement row and the audit.
 */
export class ExecuteOrder {
  async handle(actor: User, orderId: number, input: ExecutionInput) {
    return writeTransaction(async (trx) => {
      const order = await findOrder(orderId, trx)
      assertKeeper(actor, order.unitId, { type: 'warehouse_order', id: order.id })
      if (order.status === 'executed') throw new RuleViolation('warehouse.errors.already_executed')
      if (order.status !== 'signed') throw new RuleViolation('warehouse.errors.not_signed')
      if (!input.documentNumber?.trim()) throw new RuleViolation('warehouse.errors.document_number')
      checkInput(order.kind, input)
      if (order.signedOn && input.movementDate < order.signedOn)
        throw new RuleViolation('warehouse.errors.before_order', { day: order.signedOn })
      if (input.movementDate > today()) throw new RuleViolation('warehouse.errors.future_date')
      const lock = await assertWritable(order.unitId, input.movementDate, {
        actorId: actor.id,
        trx,
      })
      return executeWithin(trx, actor, order, input, lock.editRequestId)
    })
  }
}

async function executeWithin(
  trx: TransactionClientContract,
  actor: User,
  order: WarehouseOrder,
  input: ExecutionInput,
  editRequestId: number | null
) {
  // 1. Claim the order: only one transaction turns it from `signed` (at its version) to `executed`.
  const claimed = affected(
    await trx
      .from('warehouse_orders')
      .where('id', order.id)
      .where('status', 'signed')
      .where('version', order.version)
      .update({
        status: 'executed',
        executed_by_id: actor.id,
        executed_at: nowSql(),
        version: order.version + 1,
        updated_at: nowSql(),
      })
  )
  if (claimed !== 1) throw new RuleViolation('warehouse.errors.already_executed')

  // 2. Apply it to the item at the version it was read; when another movement won the race, read the item
  //    again (latest committed) and check the quantities anew — "more than held" rather than a silent overdraw.
  let e = await findExhibit(order.exhibitId, trx)
  for (let attempt = 0; ; attempt++) {
    const next = applyMovement(quantitiesOf(e), order.kind, order.quantity)
    if ('error' in next) throw new RuleViolation(next.error, next.data ?? {})
    const done = await applyToExhibit(trx, e, order, input, next)
    if (done) {
      const [movementId] = await trx
        .table('warehouse_movements')
        .insert(movementRow(e, order, input, actor, { next, ...done, editRequestId }))
      await recordAudit(
        {
          actor,
          unit: { id: e.unitId, path: e.unitPath },
          action: 'warehouse.order_executed',
          subjectType: 'warehouse_order',
          subjectId: order.id,
          before: {
            status: 'signed',
            held: e.quantityHeld,
            out: e.quantityOut,
            location: done.before,
          },
          after: {
            status: 'executed',
            exhibitId: e.id,
            kind: order.kind,
            quantity: order.quantity,
            held: next.held,
            out: next.out,
            location: done.after,
            documentNumber: input.documentNumber.trim(),
            movementDate: input.movementDate,
            editRequestId,
          },
        },
        trx
      )
      return {
        orderId: order.id,
        exhibitId: e.id,
        movementId: Number(movementId),
        status: done.status,
      }
    }
    if (attempt >= 2) throw new RuleViolation('warehouse.errors.concurrent')
    e = await freshExhibit(e.id, trx)
  }
}

/** The conditional UPDATE of the item (version and quantities as read); null when another write won. */
async function applyToExhibit(
  trx: TransactionClientContract,
  e: Exhibit,
  order: WarehouseOrder,
  input: ExecutionInput,
  next: { held: number; out: number }
) {
  // An intake comes from the body that seized the item; every other movement from where it was kept.
  const before = order.kind === 'intake' ? e.sourceBody : locationText(e)
  const moves = order.kind === 'intake' || order.kind === 'transfer'
  const place = moves
    ? {
        locationKind: input.locationKind!,
        location: input.location!.trim(),
        custodian: input.locationKind === 'outside' ? input.custodian!.trim() : null,
      }
    : { locationKind: e.locationKind, location: e.location, custodian: e.custodian }
  const status = statusAfter(next.held, next.out)
  const updated = affected(
    await trx
      .from('exhibits')
      .where('id', e.id)
      .where('version', e.version)
      .where('quantity_held', e.quantityHeld)
      .where('quantity_out', e.quantityOut)
      .update({
        quantity_held: next.held,
        quantity_out: next.out,
        quantity_received: e.quantityReceived + (order.kind === 'intake' ? order.quantity : 0),
        status,
        location_kind: place.locationKind,
        location: place.location,
        custodian: place.custodian,
        received_on: e.receivedOn ?? (order.kind === 'intake' ? input.movementDate : null),
        closed_on: status === 'closed' ? input.movementDate : null,
        version: e.version + 1,
        updated_at: nowSql(),
      })
  )
  if (updated !== 1) return null
  return { before, after: locationText(place), status }
}

function movementRow(
  e: Exhibit,
  order: WarehouseOrder,
  input: ExecutionInput,
  actor: User,
  x: {
    next: { held: number; out: number }
    before: string
    after: string
    editRequestId: number | null
  }
) {
  return {
    exhibit_id: e.id,
    order_id: order.id,
    unit_id: e.unitId,
    unit_path: e.unitPath,
    case_id: e.caseId,
    kind: order.kind,
    quantity: order.quantity,
    document_number: input.documentNumber.trim(),
    movement_date: input.movementDate,
    handed_by: input.handedBy?.trim() || null,
    received_by: input.receivedBy?.trim() || null,
    members: order.kind === 'destruction' ? JSON.stringify(input.members ?? []) : null,
    result: input.result?.trim() || null,
    proceeds: order.kind === 'auction' ? (input.proceeds ?? null) : null,
    location_before: x.before,
    location_after: x.after,
    held_before: e.quantityHeld,
    held_after: x.next.held,
    out_before: e.quantityOut,
    out_after: x.next.out,
    copies: order.kind === 'intake' ? 4 : 2,
    edit_request_id: x.editRequestId,
    recorded_by_id: actor.id,
    created_at: nowSql(),
  }
}
