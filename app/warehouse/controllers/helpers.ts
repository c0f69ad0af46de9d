import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import type { User } from '#accounts'
import { AccessDenied } from '#core'
import { warehouseMessages } from '../validators/warehouse.js'
import { WAREHOUSE_ROLES } from '../services/access.js'

/** HTML forms send '' for untouched inputs: drop them so optional fields are simply absent. */
function compact(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value))
    if (v !== '' && v !== null && v !== undefined) out[k] = v
  return out
}

export async function validate<T extends VineValidator<any, any>>(
  ctx: HttpContext,
  validator: T,
  data?: Record<string, unknown>
): Promise<Awaited<ReturnType<T['validate']>>> {
  const input = compact(data ?? { ...ctx.request.qs(), ...ctx.request.body() })
  return validator.validate(input, { messagesProvider: warehouseMessages(ctx.i18n) }) as any
}

/** The user must hold a warehouse role at all (before any body is read). */
export function warehouseUser(ctx: HttpContext, subject = 'warehouse'): User {
  const user = ctx.auth.getUserOrFail()
  if (!user.hasRole(...WAREHOUSE_ROLES)) throw new AccessDenied('forbidden', { type: subject })
  return user
}
