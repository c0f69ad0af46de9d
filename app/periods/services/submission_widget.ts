/**
 * Dashboard card: the submitted reports waiting for the user's decision (approve as the unit's head, or
 * receive as the parent level) and the user's own reports that were returned or revised.
 */
import db from '@adonisjs/lucid/services/db'
import { registerDashboardWidget } from '#core'
import type { User } from '#accounts'
import { LATEST_DECISION_SQL } from './submission_lock.js'

const NEWEST = 'NOT EXISTS (SELECT 1 FROM submissions n WHERE n.previous_id = s.id)'
const LIMIT = 5

function newest() {
  return db
    .from('submissions as s')
    .join('units as u', 'u.id', 's.unit_id')
    .whereRaw(NEWEST)
    .select(
      's.id',
      's.form_id',
      's.year',
      's.period',
      's.level',
      's.version',
      'u.code as unit_code'
    )
    .orderBy('s.id', 'desc')
    .limit(LIMIT)
}

export async function loadSubmissionWidget(user: User) {
  const staff = user.hasRole('head', 'statistician')
  const toApprove = staff
    ? await newest()
        .where('s.unit_id', user.unitId)
        .whereRaw(`${LATEST_DECISION_SQL} IS NULL`)
        .where((q) => {
          q.where('s.level', 'officer')
          if (user.hasRole('head')) q.orWhereIn('s.level', ['unit', 'province'])
        })
    : []
  const toAccept = staff
    ? await newest()
        .where('u.parent_id', user.unitId)
        .whereIn('s.level', ['unit', 'province'])
        .whereRaw(`${LATEST_DECISION_SQL} = 'approved'`)
    : []
  const mine = await newest()
    .where('s.submitted_by_id', user.id)
    .where((q) =>
      q
        .whereRaw(`${LATEST_DECISION_SQL} = 'returned'`)
        .orWhereExists((r) =>
          r.from('submission_revisions as r').whereColumn('r.submission_id', 's.id')
        )
    )
  return { toApprove, toAccept, mine }
}

export function registerSubmissionWidget() {
  registerDashboardWidget({
    id: 'periods.submissions',
    roles: ['head', 'statistician', 'officer'],
    order: 41,
    view: 'periods/submissions/widget',
    load: loadSubmissionWidget,
  })
}
