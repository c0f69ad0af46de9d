import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { recordAudit } from '#audit'
import { preauthorize } from '#core'

export const SESSION_EPOCH_KEY = 'thads_session_epoch'
export const INTENDED_URL_KEY = 'thads_intended_url'
const PASSWORD_CHANGE_ROUTES = new Set([
  'account.password.edit',
  'account.password.update',
  'session.destroy',
  'locale.update',
])

/**
 * Pages for signed-in staff. Beyond "is there a session" it ends sessions of revoked accounts and of
 * accounts whose password an admin reset (the epoch moved), and holds a user on the password page
 * until a required change is done.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(ctx: HttpContext, next: NextFn) {
    if (!(await ctx.auth.use('web').check())) {
      // Remember the page asked for (a deep link followed before login) and greet in the user's language.
      if (ctx.request.method() === 'GET' && ctx.request.accepts(['html', 'json']) !== 'json') {
        ctx.session.put(INTENDED_URL_KEY, ctx.request.url(true))
      }
      if (ctx.request.url() !== '/') ctx.session.flash('warning', ctx.i18n.t('auth.login_required'))
      return ctx.response.redirect(this.redirectTo)
    }
    await ctx.auth.authenticateUsing(['web'], { loginRoute: this.redirectTo })
    const user = ctx.auth.getUserOrFail()
    await user.loadAccess()

    if (!user.isActive || ctx.session.get(SESSION_EPOCH_KEY) !== user.sessionEpoch) {
      await recordAudit({
        actor: user,
        unit: user.unit,
        action: 'auth.session_ended',
        outcome: 'refused',
        subjectType: 'user',
        subjectId: user.id,
        after: { reason: user.isActive ? 'credentials_changed' : 'revoked' },
      })
      await ctx.auth.use('web').logout()
      ctx.session.clear()
      ctx.session.regenerate()
      ctx.session.flash('error', ctx.i18n.t('auth.session_ended'))
      return ctx.response.redirect(this.redirectTo)
    }

    if (user.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(ctx.route?.name ?? '')) {
      ctx.session.flash('warning', ctx.i18n.t('password.must_change'))
      return ctx.response.redirect().toRoute('account.password.edit')
    }

    if ('view' in ctx) ctx.view.share({ currentUser: user })
    // Authorize before anything reads the body: the route's pre-authorization rule (#core), if any.
    await preauthorize(ctx)
    return next()
  }
}
