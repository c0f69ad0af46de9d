import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AccessDenied } from '#core'

/**
 * REST API: a bearer access token of an active account. Tokens carry abilities (scopes);
 * `options.scope` names the one a route needs.
 */
export default class ApiAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { scope?: string } = {}) {
    const user = await ctx.auth.authenticateUsing(['api'])
    await user.loadAccess()
    if (!user.isActive) throw new AccessDenied('account_revoked')
    const token = ctx.auth.use('api').user?.currentAccessToken
    if (options.scope && token && !token.allows(options.scope) && !token.allows('*')) {
      throw new AccessDenied('token_scope')
    }
    return next()
  }
}
