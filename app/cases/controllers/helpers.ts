import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
import type { User } from '#accounts'
import { AccessDenied, preauthorize } from '#core'
import { casesMessages, compact } from '../validators/shared.js'

/** Roles that read cases at all (SPEC §2); the warehouse keeper reads none. */
export const CASE_READERS = [
  'admin',
  'head',
  'officer',
  'intake_clerk',
  'statistician',
  'inspector',
] as const
/** Roles that read the intake registers. */
export const INTAKE_READERS = [
  'admin',
  'head',
  'intake_clerk',
  'statistician',
  'inspector',
] as const

export function requireAnyRole(
  user: User,
  roles: readonly (typeof CASE_READERS)[number][],
  subject: string
) {
  if (!user.hasRole(...roles)) throw new AccessDenied('forbidden', { type: subject })
}

/** Validates the request (body + query string, empty form fields dropped) with this module's labels. */
export async function validate<T extends VineValidator<any, any>>(
  ctx: HttpContext,
  validator: T,
  data?: unknown
): Promise<Awaited<ReturnType<T['validate']>>> {
  await preauthorize(ctx)
  const input = compact(data ?? { ...ctx.request.qs(), ...ctx.request.body() })
  return validator.validate(input, { messagesProvider: casesMessages(ctx.i18n) }) as any
}
