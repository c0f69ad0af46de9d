/**
 * The outbox: a message is a row written in the transaction of the change that causes it, so it exists iff
 * the change committed. The dispatcher delivers it later (services/dispatcher.ts).
 */
import { randomUUID } from 'node:crypto'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { stamp } from './time.js'

export interface OutboxMessage {
  clientId: number
  eventType: string
  payload: Record<string, unknown>
  caseId?: number | null
  unitId?: number | null
  unitPath?: string | null
  /** Legal deadline for delivery (ISO day), reported by the compliance report. */
  dueOn?: string | null
}

export function newMessageId(): string {
  return `msg_${randomUUID().replace(/-/g, '')}`
}

export async function enqueue(trx: QueryClientContract, message: OutboxMessage): Promise<string> {
  const id = newMessageId()
  const now = stamp()
  const body = {
    type: message.eventType,
    timestamp: new Date().toISOString(),
    data: message.payload,
  }
  await trx
    .insertQuery()
    .table('integration_outbox')
    .insert({
      client_id: message.clientId,
      message_id: id,
      event_type: message.eventType,
      payload: JSON.stringify(body),
      case_id: message.caseId ?? null,
      unit_id: message.unitId ?? null,
      unit_path: message.unitPath ?? null,
      due_on: message.dueOn ?? null,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
  return id
}

/**
 * Active clients with a scope of `dataKind`/`access` covering a unit at `unitPath` (a scope on a unit covers
 * its subtree) and an endpoint to deliver to.
 */
export async function subscribers(
  trx: QueryClientContract,
  dataKind: string,
  unitPath: string,
  access: 'read' | 'write' = 'read'
): Promise<{ id: number }[]> {
  const rows = await trx
    .from('integration_clients as ic')
    .join('integration_scopes as s', 's.client_id', 'ic.id')
    .where('s.data_kind', dataKind)
    .where('s.access', access)
    .whereNotNull('ic.endpoint_url')
    .select('ic.id', 's.unit_path')
  const ids = new Set<number>()
  for (const r of rows) if (unitPath.startsWith(r.unit_path)) ids.add(Number(r.id))
  return [...ids].map((id) => ({ id }))
}
