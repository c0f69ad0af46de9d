/**
 * Authorization BEFORE validation (issue 9 item 6). A write route's role-and-jurisdiction rule runs before its
 * body is validated, so a cross-unit or wrong-role attempt gets 403 and an audit row whatever its body, never a
 * 422 that would tell the caller something about the subject. Modules register a rule per route
 * (`'POST /cases/:id/money'`; the `/api/v1` prefix is stripped so one rule serves the page and the API);
 * `preauthorize(ctx)` runs it once per request: every validation helper and `request.validateUsing` call it first
 * (see `installPreauthorization`). The use case still checks its fine rules (assigned officer…) afterwards.
 */
import type { HttpContext } from '@adonisjs/core/http'
import { Request } from '@adonisjs/core/http'

export type PreauthorizationRule = (ctx: HttpContext, user: any) => Promise<void> | void

const RULES = new Map<string, PreauthorizationRule>()
const DONE = new WeakSet<object>()

export function registerPreauthorization(key: string, rule: PreauthorizationRule): void {
  RULES.set(key, rule)
}

export function preauthorizationKey(method: string, pattern: string): string {
  return `${method.toUpperCase()} ${pattern.replace(/^\/api\/v1(?=\/)/, '')}`
}

/** Runs the route's rule (if any) once per request, for a signed-in user. */
export async function preauthorize(ctx: HttpContext): Promise<void> {
  if (DONE.has(ctx)) return
  DONE.add(ctx)
  const rule = RULES.get(preauthorizationKey(ctx.request.method(), ctx.route?.pattern ?? ''))
  const user = (ctx as { auth?: { user?: { loadAccess?: () => Promise<unknown> } } }).auth?.user
  if (!rule || !user) return
  await user.loadAccess?.()
  await rule(ctx, user)
}

/** The routes with a registered rule (tests check every write route is covered). */
export function preauthorizedRoutes(): string[] {
  return [...RULES.keys()]
}

/**
 * Wraps `request.validateUsing` (added by the VineJS provider) so every controller that validates through it
 * authorizes first. Called once from start/kernel.ts, after the providers booted.
 */
export function installPreauthorization(): void {
  const proto = Request.prototype as unknown as Record<string, any>
  const original = proto.validateUsing
  if (typeof original !== 'function' || original.__preauthorized) return
  const wrapped = async function (this: Request, ...args: unknown[]) {
    if (this.ctx) await preauthorize(this.ctx)
    return original.apply(this, args)
  }
  ;(wrapped as any).__preauthorized = true
  Request.macro('validateUsing' as any, wrapped as any)
}
