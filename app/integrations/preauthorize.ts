/**
 * Authorization before validation for the integration admin pages (see `registerPreauthorization` in #core):
 * an admin acting on a client (or a unit) out of reach gets 403 and an audit row whatever the body — the same
 * reasons the use cases give. The integration API (/api/integrations/v1) is authorized by the client's token.
 */
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { reaches, type User } from '#accounts'
import { AccessDenied, registerPreauthorization } from '#core'
import { adminPrefix, loadManagedClient } from './services/access.js'

function requireAdmin(user: User) {
  if (adminPrefix(user) === null)
    throw new AccessDenied('integration_admin_only', { type: 'route' })
}

/** A unit id named in the body (peeked) must be within the admin's reach. */
async function unitInBody(ctx: HttpContext, user: User, field: string, reason: string) {
  const id = Number(ctx.request.input(field))
  if (!Number.isSafeInteger(id) || id <= 0) return
  const unit = await db.from('units').where('id', id).select('id', 'path').first()
  if (unit && !reaches(user, { path: String(unit.path) }, ['admin']))
    throw new AccessDenied(reason, { type: 'unit', id })
}

async function onClient(ctx: HttpContext, user: User) {
  requireAdmin(user)
  const id = Number(ctx.params.id)
  await loadManagedClient(user, Number.isSafeInteger(id) ? id : 0)
}

export function registerIntegrationsPreauthorization() {
  registerPreauthorization('POST /integrations', (async (ctx: HttpContext, user: User) => {
    requireAdmin(user)
    await unitInBody(ctx, user, 'owner_unit_id', 'integration_client')
  }) as any)
  for (const key of [
    'POST /integrations/:id',
    'POST /integrations/:id/credentials',
    'POST /integrations/:id/credentials/:cid/revoke',
    'POST /integrations/:id/replay',
  ])
    registerPreauthorization(key, onClient as any)
  registerPreauthorization('POST /integrations/:id/scopes', (async (
    ctx: HttpContext,
    user: User
  ) => {
    await onClient(ctx, user)
    await unitInBody(ctx, user, 'unit_id', 'integration_scope')
  }) as any)
}
