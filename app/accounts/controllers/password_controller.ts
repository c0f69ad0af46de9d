import type { HttpContext } from '@adonisjs/core/http'
import { changePasswordValidator } from '../validators/auth.js'
import { ChangeOwnPassword } from '../actions/change_own_password.js'
import { SESSION_EPOCH_KEY } from '#middleware/auth_middleware'

export default class PasswordController {
  async edit({ view }: HttpContext) {
    return view.render('accounts/password')
  }

  async update({ request, response, auth, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const input = await request.validateUsing(changePasswordValidator)
    const epoch = await new ChangeOwnPassword().handle(
      user,
      input.current_password,
      input.password,
      session.sessionId
    )
    session.put(SESSION_EPOCH_KEY, epoch)
    session.flash('success', i18n.t('password.changed'))
    return response.redirect().toRoute('dashboard')
  }
}
