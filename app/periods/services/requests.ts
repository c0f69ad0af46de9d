import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { User } from '#accounts'
import { RuleViolation } from '#core'
import { recordAudit } from '#audit'
import EditRequest, { type EditRequestStatus } from '../models/edit_request.js'
import EditRequestStep, { type StepAction } from '../models/edit_request_step.js'

/** Shared steps of the request workflow actions; each action still runs in its own transaction. */
export async function loadRequest(
  id: number,
  trx: TransactionClientContract
): Promise<EditRequest> {
  const request = await EditRequest.query({ client: trx }).where('id', id).first()
  if (!request) throw new RuleViolation('periods.requests.errors.not_found')
  return request
}

export async function loadCaseIds(
  requestIds: number[],
  client?: TransactionClientContract
): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>()
  if (!requestIds.length) return map
  const rows = await (client ?? db)
    .from('edit_request_cases')
    .whereIn('edit_request_id', requestIds)
    .orderBy('case_id')
  for (const row of rows) {
    const list = map.get(Number(row.edit_request_id)) ?? []
    list.push(Number(row.case_id))
    map.set(Number(row.edit_request_id), list)
  }
  return map
}

/**
 * Moves the request from `from` to a new status with a conditional UPDATE, so two reviewers acting at once
 * cannot both succeed (works the same on SQLite and MariaDB, no row locks needed).
 */
export async function transition(
  trx: TransactionClientContract,
  request: EditRequest,
  from: EditRequestStatus[],
  changes: Record<string, unknown> & { status: EditRequestStatus }
) {
  if (!from.includes(request.status))
    throw new RuleViolation('periods.requests.errors.wrong_state', { status: request.status })
  const updated = await trx
    .from('edit_requests')
    .where('id', request.id)
    .where('status', request.status)
    .update({ ...changes, updated_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss') })
  const count = Array.isArray(updated) ? Number(updated[0] ?? 0) : Number(updated)
  if (count !== 1) throw new RuleViolation('periods.requests.errors.stale')
}

export async function addStep(
  trx: TransactionClientContract,
  requestId: number,
  action: StepAction,
  actor: User | null,
  comment: string | null = null
) {
  await EditRequestStep.create(
    { editRequestId: requestId, action, actorId: actor?.id ?? null, comment },
    { client: trx }
  )
}

export async function auditRequest(
  trx: TransactionClientContract,
  actor: User,
  request: Pick<EditRequest, 'id' | 'unitId' | 'unitPath'>,
  verb: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null
) {
  await recordAudit(
    {
      actor,
      unit: { id: request.unitId, path: request.unitPath },
      action: `periods.edit_request.${verb}`,
      subjectType: 'edit_request',
      subjectId: request.id,
      before,
      after,
    },
    trx
  )
}

/** Timestamp columns written by hand (raw updates bypass the model's DateTime handling). */
export function nowSql(): string {
  return DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
}
