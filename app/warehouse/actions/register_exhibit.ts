import type { User } from '#accounts'
import { AccessDenied, RuleViolation, today } from '#core'
import { recordAudit } from '#audit'
import Exhibit from '../models/exhibit.js'
import type { Category } from '../rules.js'
import { isCaseOfficer, isKeeperOf } from '../services/access.js'
import { writeTransaction, nowSql } from '../services/tx.js'

export interface ExhibitInput {
  category: Category
  description: string
  measure: string
  declaredQuantity: number
  condition?: string | null
  sealNumber?: string | null
  sourceBody: string
  seizureRecord: string
  seizedOn?: string | null
  caseId?: number | null
  judgmentId?: number | null
  locationKind: 'warehouse' | 'outside'
  location?: string | null
  custodian?: string | null
}

/**
 * Use case: enter an item in the ledger (status `awaiting` until its intake order is executed). The keeper
 * registers items of its own unit; an officer registers the items of a case assigned to it.
 */
export class RegisterExhibit {
  async handle(actor: User, input: ExhibitInput): Promise<Exhibit> {
    return writeTransaction(async (trx) => {
      let unitId = actor.unitId
      let unitPath = actor.unit.path
      let judgmentId = input.judgmentId ?? null
      const caseId = input.caseId ?? null
      const keeper = isKeeperOf(actor, actor.unitId)
      if (caseId) {
        const c = await trx.from('cases').where('id', caseId).first()
        if (!c) throw new RuleViolation('warehouse.errors.case_missing')
        const officer = await isCaseOfficer(actor, caseId, trx)
        if (!officer && !(keeper && Number(c.unit_id) === actor.unitId))
          throw new AccessDenied('outside_jurisdiction', { type: 'case', id: caseId })
        unitId = Number(c.unit_id)
        unitPath = c.unit_path
        judgmentId = c.judgment_id ? Number(c.judgment_id) : judgmentId
      } else if (!keeper) {
        throw new AccessDenied('warehouse_not_keeper', { type: 'exhibit' })
      }
      if (judgmentId && !caseId) {
        const j = await trx.from('judgments').where('id', judgmentId).first()
        if (!j || Number(j.unit_id) !== unitId)
          throw new RuleViolation('warehouse.errors.judgment_missing')
      }
      if (input.seizedOn && input.seizedOn > today())
        throw new RuleViolation('warehouse.errors.future_date')
      if (input.locationKind === 'outside' && !input.custodian?.trim())
        throw new RuleViolation('warehouse.errors.custodian_required')
      const exhibit = await Exhibit.create(
        {
          unitId,
          unitPath,
          code: `TMP-${actor.id}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
          category: input.category,
          description: input.description.trim(),
          measure: input.measure.trim(),
          declaredQuantity: input.declaredQuantity,
          quantityHeld: 0,
          quantityOut: 0,
          quantityReceived: 0,
          condition: input.condition?.trim() || null,
          sealNumber: input.sealNumber?.trim() || null,
          sourceBody: input.sourceBody.trim(),
          seizureRecord: input.seizureRecord.trim(),
          seizedOn: input.seizedOn ?? null,
          judgmentId,
          caseId,
          status: 'awaiting',
          locationKind: input.locationKind,
          location: input.location?.trim() || null,
          custodian: input.locationKind === 'outside' ? input.custodian!.trim() : null,
          createdById: actor.id,
          version: 0,
        },
        { client: trx }
      )
      const code = `VC-${today().slice(0, 4)}-${String(exhibit.id).padStart(5, '0')}`
      await trx.from('exhibits').where('id', exhibit.id).update({ code, updated_at: nowSql() })
      exhibit.code = code
      await recordAudit(
        {
          actor,
          unit: { id: unitId, path: unitPath },
          action: 'warehouse.exhibit_registered',
          subjectType: 'exhibit',
          subjectId: exhibit.id,
          after: {
            code,
            category: exhibit.category,
            declaredQuantity: exhibit.declaredQuantity,
            measure: exhibit.measure,
            caseId,
            judgmentId,
          },
        },
        trx
      )
      return exhibit
    })
  }
}
