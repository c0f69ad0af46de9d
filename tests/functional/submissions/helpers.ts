/**
 * Builders for the submission tests: a fresh province with districts (so counts never see other tests' data),
 * users placed in them, and the HTTP calls of the workflow.
 */
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import type { Role, User } from '#accounts'
import { as, makeUser } from '#tests/helpers/factories'
import { makeProvinceTree } from '#database/synthetic/fixtures'

export const FORM = 'form-06-cases'

export async function tree(districts = 2) {
  return makeProvinceTree(districts)
}

export async function staff(unitCode: string, roles: Role[]) {
  return makeUser(unitCode, roles)
}

/** POST /periods/submissions as `user`, answering JSON (422 bodies) without following redirects. */
export function submit(
  client: ApiClient,
  user: User,
  input: { unit: string; year: number; period: number; form?: string }
) {
  return as(
    client
      .post('/periods/submissions')
      .form({ form: input.form ?? FORM, ...input })
      .withCsrfToken()
      .header('accept', 'application/json')
      .redirects(0),
    user
  )
}

export function decide(
  client: ApiClient,
  user: User,
  id: number,
  action: 'approve' | 'accept' | 'return' | 'resubmit',
  reason?: string
) {
  return as(
    client
      .post(`/periods/submissions/${id}/${action}`)
      .form(reason ? { reason } : {})
      .withCsrfToken()
      .header('accept', 'application/json')
      .redirects(0),
    user
  )
}

/** The newest submission row of a unit (any level unless given). */
export async function newestRow(unitId: number, level?: string) {
  const query = db.from('submissions').where('unit_id', unitId).orderBy('id', 'desc')
  if (level) query.where('level', level)
  return query.first()
}

export async function decisionsOf(id: number) {
  return db.from('submission_decisions').where('submission_id', id).orderBy('step')
}

export async function denials(user: User) {
  return db
    .from('audit_events')
    .where('action', 'access.denied')
    .where('actor_id', user.id)
    .where('outcome', 'refused')
    .orderBy('id', 'desc')
}
