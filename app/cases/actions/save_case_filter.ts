import type { User } from '#accounts'
import { AccessDenied, RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'

/** Keeps only the list's filter and sort parameters (never cursors or pages). */
export const FILTER_KEYS = [
  'q',
  'status',
  'officer_id',
  'kind',
  'origin',
  'from',
  'to',
  'credit',
  'sort',
  'dir',
  'per_page',
]

export function filterQuery(qs: Record<string, unknown>): string {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const v = qs[key]
    if (v !== undefined && v !== null && v !== '') params.set(key, String(v))
  }
  return params.toString()
}

/** Use case: a reader of the case list saves the current filter under a name (replacing one of that name). */
export class SaveCaseFilter {
  async handle(actor: User, input: { name: string; query: string }) {
    return transaction(async (trx) => {
      const name = input.name.trim()
      if (!name) throw new RuleViolation('caselist.errors.name_required')
      const existing = await trx
        .from('saved_case_filters')
        .where('user_id', actor.id)
        .where('name', name)
        .first()
      if (existing) await trx.from('saved_case_filters').where('id', existing.id).delete()
      const [id] = await trx
        .insertQuery()
        .table('saved_case_filters')
        .insert({ user_id: actor.id, name, query: input.query, created_at: new Date() })
        .returning('id')
      const filterId = typeof id === 'object' ? (id as { id: number }).id : Number(id)
      await recordAudit(
        {
          actor,
          unit: actor.unit,
          action: 'case_filter.saved',
          subjectType: 'case_filter',
          subjectId: filterId,
          before: existing ? { query: existing.query } : null,
          after: { name, query: input.query },
        },
        trx
      )
      return filterId
    })
  }
}

/** Use case: a user deletes one of their own saved filters; anyone else's is refused (403, audited). */
export class DeleteCaseFilter {
  async handle(actor: User, id: number) {
    return transaction(async (trx) => {
      const row = await trx.from('saved_case_filters').where('id', id).first()
      if (!row) throw new RuleViolation('caselist.errors.not_found')
      if (row.user_id !== actor.id) throw new AccessDenied('not_owner', { type: 'case_filter', id })
      await trx.from('saved_case_filters').where('id', id).delete()
      await recordAudit(
        {
          actor,
          unit: actor.unit,
          action: 'case_filter.deleted',
          subjectType: 'case_filter',
          subjectId: id,
          before: { name: row.name, query: row.query },
        },
        trx
      )
      return row.name as string
    })
  }
}
