/**
 * This module's authorization-before-validation rules (see `registerPreauthorization` in #core): role and
 * jurisdiction of each write route's subject before its body is validated; the use cases check the fine rules.
 */
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { reachPrefix, type User } from '#accounts'
import { AccessDenied, registerPreauthorization } from '#core'
import { deny, submissionLevelFor } from './services/submission_access.js'
import { FILER_ROLES } from './access.js'

function idOf(ctx: HttpContext) {
  const id = Number(ctx.params.id)
  return Number.isSafeInteger(id) && id > 0 ? id : 0
}

/** A request of the user's own unit or subtree, or one the national level decides on. */
function editRequestRule(roles: string[], national = false) {
  return async (ctx: HttpContext, user: User) => {
    const id = idOf(ctx)
    if (!user.hasRole(...(roles as any)))
      throw new AccessDenied('forbidden', { type: 'edit_request', id })
    if (national && user.unit.level === 'national') return
    const row = await db.from('edit_requests').where('id', id).select('unit_path').first()
    if (row && !String(row.unit_path).startsWith(user.unit.path))
      throw new AccessDenied('outside_jurisdiction', { type: 'edit_request', id })
  }
}

/** A submission of the user's unit or of a unit below it (the parent level accepts and returns). */
async function submissionRule(ctx: HttpContext, user: User) {
  const id = idOf(ctx)
  if (!user.hasRole('head', 'statistician', 'officer'))
    throw new AccessDenied('forbidden', { type: 'submission', id })
  const row = await db.from('submissions').where('id', id).select('unit_path').first()
  if (row && !String(row.unit_path).startsWith(user.unit.path))
    throw new AccessDenied('outside_jurisdiction', { type: 'submission', id })
}

/** The unit named in a filing body must be within the user's reach (peeked before validation). */
async function fileRule(ctx: HttpContext, user: User) {
  const unitId = Number(ctx.request.input('unit_id'))
  if (!Number.isSafeInteger(unitId) || unitId <= 0) return
  const unit = await db.from('units').where('id', unitId).select('id', 'path').first()
  if (!unit) return
  const prefix = reachPrefix(user, ['admin', 'head', 'statistician'])
  if (unit.id !== user.unitId && !(prefix && String(unit.path).startsWith(prefix)))
    throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: unitId })
}

/**
 * A submission: the unit named in the body (id or code, peeked before validation) must be one the user submits
 * for — the same rule and reason as SubmitForm (a malformed cross-unit body is 403 + audit, not 422).
 */
async function submitRule(ctx: HttpContext, user: User) {
  const ref = String(ctx.request.input('unit') ?? '').trim()
  const unit =
    !ref || ref.length > 64
      ? null
      : /^\d+$/.test(ref)
        ? await db.from('units').where('id', Number(ref)).select('id', 'path', 'level').first()
        : await db.from('units').where('code', ref).select('id', 'path', 'level').first()
  if (!unit) {
    // No (known) unit named: only a user who submits anything at all goes on to the validator.
    if (!user.hasRole('head', 'statistician', 'officer'))
      throw new AccessDenied('forbidden', { type: 'submission' })
    return
  }
  const target = { id: Number(unit.id), path: String(unit.path), level: unit.level }
  if (!submissionLevelFor(user, target)) deny(user, { type: 'unit', id: target.id }, target.path)
}

/** Only the requester withdraws a request (a user who may file none is refused even for a missing one). */
async function cancelRule(ctx: HttpContext, user: User) {
  const id = idOf(ctx)
  const row = await db.from('edit_requests').where('id', id).select('requested_by_id').first()
  if (row ? Number(row.requested_by_id) !== user.id : !user.hasRole(...FILER_ROLES))
    throw new AccessDenied('forbidden', { type: 'edit_request', id })
}

export function registerPeriodsPreauthorization() {
  registerPreauthorization('POST /periods/requests/:id/cancel', cancelRule as any)
  for (const verb of ['approve', 'accept', 'resubmit'])
    registerPreauthorization(`POST /periods/submissions/:id/${verb}`, submissionRule as any)
  registerPreauthorization('POST /periods/submissions', submitRule as any)
  registerPreauthorization('POST /periods/requests', fileRule as any)
  registerPreauthorization('POST /periods/requests/:id/confirm', editRequestRule(['head']) as any)
  for (const verb of ['decline', 'approve', 'reject']) {
    registerPreauthorization(
      `POST /periods/requests/:id/${verb}`,
      editRequestRule(['head'], true) as any
    )
  }
  registerPreauthorization('POST /periods/submissions/:id/return', submissionRule as any)
}
