import { DateTime } from 'luxon'
import { Unit, type User } from '#accounts'
import { AccessDenied, RuleViolation, today, transaction } from '#core'
import EditRequest from '../models/edit_request.js'
import { FILER_ROLES, mayConfirm, mayFileFor } from '../access.js'
import { baseLockReason } from '../services/lock.js'
import { addStep, auditRequest } from '../services/requests.js'

export interface FileEditRequestInput {
  unitId: number
  /** YYYY-MM */
  month: string
  explanation: string
  caseIds?: number[]
}

/**
 * A user asks to correct data of a closed month (SPEC §4). Filed by the unit's head it counts as confirmed
 * by the unit's leader and goes straight to the national level.
 */
export class FileEditRequest {
  async handle(actor: User, input: FileEditRequestInput): Promise<EditRequest> {
    return transaction(async (trx) => {
      if (!actor.hasRole(...FILER_ROLES))
        throw new AccessDenied('forbidden', { type: 'edit_request' })
      const unit = await Unit.find(input.unitId, { client: trx })
      if (!unit) throw new RuleViolation('periods.requests.errors.unit_not_found')
      if (!mayFileFor(actor, unit))
        throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: unit.id })

      const day = today()
      const monthStart = `${input.month}-01`
      if (monthStart > day)
        throw new RuleViolation('periods.requests.errors.month_future', { month: input.month })
      if ((await baseLockReason(unit.id, monthStart, { trx, today: day })) === 'open') {
        throw new RuleViolation('periods.requests.errors.month_open', { month: input.month })
      }
      const duplicate = await trx
        .from('edit_requests')
        .where({ unit_id: unit.id, month: input.month, requested_by_id: actor.id })
        .where((q) =>
          q
            .whereIn('status', ['pending_confirmation', 'pending_approval'])
            .orWhere((a) => a.where('status', 'approved').where('exception_until', '>=', day))
        )
        .select('id')
        .first()
      if (duplicate)
        throw new RuleViolation('periods.requests.errors.duplicate', { id: duplicate.id })

      const caseIds = [...new Set(input.caseIds ?? [])]
      if (caseIds.length) {
        // Read of the cases table (SPEC §3 data model) only to check the scope; no case data is exposed.
        const found = await trx
          .from('cases')
          .whereIn('id', caseIds)
          .where('unit_id', unit.id)
          .select('id')
        const known = new Set(found.map((r) => Number(r.id)))
        const missing = caseIds.filter((id) => !known.has(id))
        if (missing.length)
          throw new RuleViolation('periods.requests.errors.cases_not_in_unit', {
            ids: missing.join(', '),
          })
      }

      const selfConfirmed = mayConfirm(actor, { unitId: unit.id })
      const now = DateTime.utc()
      const request = await EditRequest.create(
        {
          unitId: unit.id,
          unitPath: unit.path,
          month: input.month,
          explanation: input.explanation,
          status: selfConfirmed ? 'pending_approval' : 'pending_confirmation',
          requestedById: actor.id,
          requestedAt: now,
          confirmedById: selfConfirmed ? actor.id : null,
          confirmedAt: selfConfirmed ? now : null,
          editsCount: 0,
        },
        { client: trx }
      )
      if (caseIds.length) {
        await trx
          .insertQuery()
          .table('edit_request_cases')
          .multiInsert(caseIds.map((id) => ({ edit_request_id: request.id, case_id: id })))
      }
      request.caseIds = caseIds
      await addStep(trx, request.id, 'filed', actor, input.explanation)
      if (selfConfirmed) await addStep(trx, request.id, 'confirmed', actor, null)
      await auditRequest(trx, actor, request, 'filed', null, {
        unitId: unit.id,
        month: input.month,
        caseIds,
        status: request.status,
      })
      return request
    })
  }
}
