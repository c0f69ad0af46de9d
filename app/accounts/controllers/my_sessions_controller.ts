import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { recordAudit } from '#audit'
import { activeSessionsOf, describeDevice, endSessionsOf } from '../services/sessions.js'

/** "My sessions": where the account is signed in (device, address, last seen), and signing out the others. */
export default class MySessionsController {
  async index({ view, auth, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const sessions = (await activeSessionsOf(user.id, session.sessionId)).map((s) => ({
      ...s,
      device: describeDevice(s.userAgent),
      lastSeen: s.lastSeenAt ? DateTime.fromJSDate(s.lastSeenAt) : null,
      opened: s.createdAt ? DateTime.fromJSDate(s.createdAt) : null,
    }))
    return view.render('accounts/sessions', { sessions })
  }

  async endOthers({ auth, session, response, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const ended = await endSessionsOf(user.id, { exceptId: session.sessionId })
    await recordAudit({
      actor: user,
      unit: user.unit,
      action: 'auth.sessions_ended',
      subjectType: 'user',
      subjectId: user.id,
      after: { ended },
    })
    session.flash('success', i18n.t('security.sessions.ended', { count: ended }))
    return response.redirect().toRoute('account.sessions.index')
  }
}
