import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { today as clockToday } from '#core'
import { recordAudit } from '#audit'
import { monthOf } from './periods.js'
import { notifyEditUnderException } from '../events.js'

/**
 * The approved request that lets `actorId` write data dated `effectiveDate` in `unitId` today: same unit and
 * month, requested by the actor, inside its time box, and — when the request names cases — naming `caseId`.
 * A request without a case list covers the whole unit-month; one with a list never covers case-less data.
 */
export async function findActiveException(
  unitId: number,
  effectiveDate: string,
  options: {
    actorId?: number | null
    caseId?: number | null
    trx?: TransactionClientContract
    today?: string
  }
): Promise<{ id: number } | null> {
  if (!options.actorId) return null
  const today = options.today ?? clockToday()
  const client = options.trx ?? db
  const row = await client
    .from('edit_requests as r')
    .where('r.unit_id', unitId)
    .where('r.month', monthOf(effectiveDate))
    .where('r.status', 'approved')
    .where('r.requested_by_id', options.actorId)
    .where('r.exception_from', '<=', today)
    .where('r.exception_until', '>=', today)
    .where((scope) => {
      scope.whereNotExists((sub) =>
        sub.from('edit_request_cases as c').whereColumn('c.edit_request_id', 'r.id')
      )
      if (options.caseId) {
        scope.orWhereExists((sub) =>
          sub
            .from('edit_request_cases as c')
            .whereColumn('c.edit_request_id', 'r.id')
            .where('c.case_id', options.caseId!)
        )
      }
    })
    .orderBy('r.id', 'desc')
    .select('r.id')
    .first()
  return row ? { id: Number(row.id) } : null
}

/** Per transaction, which (request, date, case) uses were already recorded: one write may check several rows. */
const recorded = new WeakMap<object, Set<string>>()

/**
 * Tags an edit made under an exception: a history line on the request, an audit event, and — after the
 * caller's transaction commits — the edited-under-exception hook for the reporting module.
 */
export async function recordExceptionUse(
  editRequestId: number,
  use: { unitId: number; effectiveDate: string; actorId: number | null; caseId: number | null },
  trx?: TransactionClientContract
) {
  const key = `${editRequestId}|${use.effectiveDate}|${use.caseId ?? ''}`
  if (trx) {
    const seen = recorded.get(trx) ?? new Set<string>()
    if (seen.has(key)) return
    seen.add(key)
    recorded.set(trx, seen)
  }
  const client = trx ?? db
  const now = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
  await client.insertQuery().table('edit_request_steps').insert({
    edit_request_id: editRequestId,
    action: 'edited',
    actor_id: use.actorId,
    effective_date: use.effectiveDate,
    case_id: use.caseId,
    occurred_at: now,
  })
  await client.from('edit_requests').where('id', editRequestId).increment('edits_count', 1)
  const [unit, actor] = await Promise.all([
    client.from('units').where('id', use.unitId).select('id', 'path').first(),
    use.actorId
      ? client.from('users').where('id', use.actorId).select('id', 'email').first()
      : null,
  ])
  await recordAudit(
    {
      actor: actor ? { id: Number(actor.id), email: actor.email } : null,
      unit: unit ? { id: Number(unit.id), path: unit.path } : null,
      action: 'periods.edited_under_exception',
      subjectType: 'edit_request',
      subjectId: editRequestId,
      after: { effectiveDate: use.effectiveDate, caseId: use.caseId },
    },
    trx
  )
  const payload = {
    unitId: use.unitId,
    unitPath: unit?.path ?? '',
    effectiveDate: use.effectiveDate,
    editRequestId,
    actorId: use.actorId,
    caseId: use.caseId,
  }
  if (trx) trx.after('commit', () => notifyEditUnderException(payload))
  else await notifyEditUnderException(payload)
}
