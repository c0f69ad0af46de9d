import db from '@adonisjs/lucid/services/db'

/** Audit rows matching the filter, newest first: tests assert that refusals and changes left a trace. */
export async function auditRows(filter: {
  action?: string
  actorEmail?: string
  actorId?: number
  outcome?: string
  subjectType?: string
  subjectId?: string | number
}) {
  const query = db.from('audit_events').orderBy('id', 'desc')
  if (filter.action) query.where('action', filter.action)
  if (filter.actorEmail) query.where('actor_email', filter.actorEmail)
  if (filter.actorId) query.where('actor_id', filter.actorId)
  if (filter.outcome) query.where('outcome', filter.outcome)
  if (filter.subjectType) query.where('subject_type', filter.subjectType)
  if (filter.subjectId !== undefined) query.where('subject_id', String(filter.subjectId))
  return query
}
