import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { EditedUnderException } from '../events.js'
import { statisticalYearOf } from '../services/periods.js'
import { ancestorPaths, auditSubmission, nowSql } from '../services/submission_store.js'
import { transaction } from '#core'

/**
 * Listener of 'periods:edited_under_exception' (after the edit commits): every newest submitted version whose
 * data the edit touches — same statistical year, period ending on or after the date, the edited unit (or, for a
 * province report, its subtree; for an officer's row, a case held by that officer) — gets a revision record and
 * so reads as "revised", which lets its unit submit a new version. Returns the ids marked.
 */
export class MarkSubmissionsRevised {
  async handle(edit: EditedUnderException): Promise<number[]> {
    return transaction(async (trx) => {
      const unit = await trx.from('units').where('id', edit.unitId).select('id', 'path').first()
      if (!unit) return []
      const candidates = await trx
        .from('submissions as s')
        .where('s.year', statisticalYearOf(edit.effectiveDate))
        .where('s.period_end', '>=', edit.effectiveDate)
        .where((scope) => {
          scope.where((own) =>
            own.whereIn('s.level', ['unit', 'officer']).where('s.unit_id', edit.unitId)
          )
          scope.orWhere((tree) =>
            tree.where('s.level', 'province').whereIn('s.unit_path', ancestorPaths(unit.path))
          )
        })
        .whereNotExists((newer) =>
          newer.from('submissions as n').whereColumn('n.previous_id', 's.id')
        )
        .whereNotExists((seen) =>
          seen
            .from('submission_revisions as r')
            .whereColumn('r.submission_id', 's.id')
            .where('r.edit_request_id', edit.editRequestId)
        )
        .select('s.id', 's.level', 's.officer_id', 's.unit_id', 's.unit_path', 's.version')
      const actor = edit.actorId
        ? await trx.from('users').where('id', edit.actorId).select('id', 'email').first()
        : null
      const marked: number[] = []
      for (const s of candidates) {
        if (
          s.level === 'officer' &&
          edit.caseId &&
          !(await heldBy(trx, edit.caseId, Number(s.officer_id)))
        )
          continue
        await trx.insertQuery().table('submission_revisions').insert({
          submission_id: s.id,
          edit_request_id: edit.editRequestId,
          unit_id: edit.unitId,
          effective_date: edit.effectiveDate,
          case_id: edit.caseId,
          created_at: nowSql(),
        })
        const subject = { id: Number(s.id), unitId: Number(s.unit_id), unitPath: s.unit_path }
        await auditSubmission(
          trx,
          actor ? { id: Number(actor.id), email: actor.email } : null,
          subject,
          'revised',
          null,
          {
            editRequestId: edit.editRequestId,
            effectiveDate: edit.effectiveDate,
            caseId: edit.caseId,
            version: s.version,
          }
        )
        marked.push(Number(s.id))
      }
      return marked
    })
  }
}

/** Whether the officer ever held the case (its row may have counted it). */
async function heldBy(
  client: TransactionClientContract,
  caseId: number,
  officerId: number
): Promise<boolean> {
  return !!(await client
    .from('case_assignments')
    .where('case_id', caseId)
    .where('officer_id', officerId)
    .select('id')
    .first())
}
