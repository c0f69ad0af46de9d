/**
 * This module's authorization-before-validation rules (see `registerPreauthorization` in #core): role and
 * jurisdiction of each write route's subject before its body is validated; the use cases check the fine rules.
 */
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { reachPrefix, type User } from '#accounts'
import { AccessDenied, registerPreauthorization } from '#core'

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

export function registerPeriodsPreauthorization() {
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
