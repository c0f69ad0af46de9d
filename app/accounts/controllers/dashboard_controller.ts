import type { HttpContext } from '@adonisjs/core/http'
import { dashboardFor } from '#core'

export default class DashboardController {
  async show({ view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    return view.render('dashboard', { widgets: await dashboardFor(user) })
  }
}
