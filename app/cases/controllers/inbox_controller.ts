import type { HttpContext } from '@adonisjs/core/http'
import { inboxFor, INBOX_HORIZON_DAYS } from '../services/inbox.js'

/** GET /inbox — what waits for me, newest first (every role; each sees only its own work). */
export default class InboxController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const items = await inboxFor(user)
    return ctx.view.render('cases/inbox/index', { items, horizon: INBOX_HORIZON_DAYS })
  }
}
