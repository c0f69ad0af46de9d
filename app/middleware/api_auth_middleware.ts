import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AccessDenied, preauthorize } from '#core'
import { recordAudit } from '#audit'

/**
 * REST API: a bearer access token of an active account. Tokens carry abilities (scopes);
 * `options.scope` names the one a route needs. An account that must change its password (new, reinstated, reset)
 * gets 401 with the reason until it has done so on the web.
 */
export default class ApiAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { scope?: string } = {}) {
    const user = await ctx.auth.authenticateUsing(['api'])
    await user.loadAccess()
    if (!user.isActive) throw new AccessDenied('account_revoked')
    if (user.mustChangePassword) {
      await recordAudit({
        actor: user,
        unit: user.unit,
        action: 'api.refused',
        outcome: 'refused',
        subjectType: 'user',
        subjectId: user.id,
        after: { reason: 'password_change_required', url: ctx.request.url() },
      })
      return ctx.response.status(401).send({
        errors: [
          {
            code: 'E_PASSWORD_CHANGE_REQUIRED',
            reason: 'password_change_required',
            message: ctx.i18n.t('errors.password_change_required'),
          },
        ],
      })
    }
    const token = ctx.auth.use('api').user?.currentAccessToken
    if (options.scope && token && !token.allows(options.scope) && !token.allows('*')) {
      throw new AccessDenied('token_scope')
    }
    // Authorize before anything reads the body: the route's pre-authorization rule (#core), if any.
    await preauthorize(ctx)
    return next()
  }
}
