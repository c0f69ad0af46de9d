/**
 * The 'submitted' lock reason (SPEC §4): once a unit's report for period n is approved (or accepted above), dates
 * from the start of the statistical year up to the period's end are frozen in that unit; a province report
 * freezes its whole subtree. A report returned after approval no longer freezes anything.
 */
import db from '@adonisjs/lucid/services/db'
import type { SubmissionCheck } from './lock.js'
import { statisticalYearOf } from './periods.js'
import { ancestorPaths } from './submission_store.js'

/** SQL: the latest decision of submission `s` (null when none). */
export const LATEST_DECISION_SQL =
  '(SELECT d.action FROM submission_decisions d WHERE d.submission_id = s.id ORDER BY d.step DESC LIMIT 1)'

export const submittedCheck: SubmissionCheck = async ({ unitId, effectiveDate, trx }) => {
  const client = trx ?? db
  const unit = await client.from('units').where('id', unitId).select('path').first()
  if (!unit) return false
  const row = await client
    .from('submissions as s')
    .where('s.year', statisticalYearOf(effectiveDate))
    .where('s.period_end', '>=', effectiveDate)
    .where((scope) => {
      scope.where((own) => own.where('s.level', 'unit').where('s.unit_id', unitId))
      scope.orWhere((tree) =>
        tree.where('s.level', 'province').whereIn('s.unit_path', ancestorPaths(unit.path))
      )
    })
    .whereRaw(`${LATEST_DECISION_SQL} IN ('approved', 'accepted')`)
    .select('s.id')
    .first()
  return !!row
}
