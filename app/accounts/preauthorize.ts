/**
 * Authorization before validation for account administration (see `registerPreauthorization` in #core): an admin
 * editing an account or a unit out of reach gets 403 and an audit row, whatever the body.
 */
import type { HttpContext } from '@adonisjs/core/http'
import { AccessDenied, registerPreauthorization } from '#core'
import User from './models/user.js'
import { managesAccount, managesUnits } from './access.js'

function idOf(ctx: HttpContext) {
  const id = Number(ctx.params.id)
  return Number.isSafeInteger(id) && id > 0 ? id : 0
}

async function userRule(ctx: HttpContext, actor: User) {
  const id = idOf(ctx)
  if (!actor.hasRole('admin')) throw new AccessDenied('forbidden', { type: 'user', id })
  const target = await User.find(id)
  if (!target) return
  await target.loadAccess()
  if (!managesAccount(actor, target))
    throw new AccessDenied('outside_jurisdiction', { type: 'user', id })
}

async function unitsRule(_ctx: HttpContext, actor: User) {
  if (!managesUnits(actor)) throw new AccessDenied('national_admin_only', { type: 'unit' })
}

export function registerAccountsPreauthorization() {
  registerPreauthorization('PUT /users/:id', userRule as any)
  registerPreauthorization('POST /users', async (_ctx, actor: User) => {
    if (!actor.hasRole('admin')) throw new AccessDenied('forbidden', { type: 'user' })
  })
  registerPreauthorization('POST /units', unitsRule as any)
  registerPreauthorization('POST /units/:id/rename', unitsRule as any)
  registerPreauthorization('POST /units/:id/close', unitsRule as any)
}
