import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator } from '../validators/auth.js'
import { AttemptLogin } from '../actions/attempt_login.js'
import { SESSION_EPOCH_KEY } from '#middleware/auth_middleware'
import { recordAudit } from '#audit'
import { tagSession } from '../services/sessions.js'

export default class SessionController {
  async create({ view }: HttpContext) {
    return view.render('accounts/login')
  }

  async store(ctx: HttpContext) {
    const { request, response, session, auth, i18n } = ctx
    const { email, password } = await request.validateUsing(loginValidator)
    const outcome = await new AttemptLogin().handle(email, password, request.ip())

    if (!outcome.ok) {
      const message =
        outcome.reason === 'throttled'
          ? i18n.t('auth.throttled', { minutes: Math.ceil(outcome.retryAfterSeconds / 60) })
          : i18n.t(`auth.${outcome.reason}`)
      if (outcome.reason === 'throttled') response.status(429)
      session.flash('error', message)
      session.flashOnly(['email'])
      return response.redirect().toRoute('session.create')
    }

    await auth.use('web').login(outcome.user)
    session.put(SESSION_EPOCH_KEY, outcome.user.sessionEpoch)
    session.regenerate()
    await tagSession(session, outcome.user.id)
    if (outcome.user.mustChangePassword) return response.redirect().toRoute('account.password.edit')
    return response.redirect().toRoute('dashboard')
  }

  async destroy({ auth, response, session, i18n }: HttpContext) {
    const user = auth.use('web').user
    if (user) {
      await user.loadAccess()
      await recordAudit({
        actor: user,
        unit: user.unit,
        action: 'auth.logout',
        subjectType: 'user',
        subjectId: user.id,
      })
    }
    // The old session id is destroyed on the server when the regenerated one is committed: a saved cookie of this
    // session no longer opens anything.
    await auth.use('web').logout()
    session.clear()
    session.regenerate()
    session.flash('success', i18n.t('auth.logged_out'))
    return response.redirect().toRoute('session.create')
  }
}
