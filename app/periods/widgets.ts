import db from '@adonisjs/lucid/services/db'
import { registerDashboardWidget, registerNavItem, today } from '#core'
import EditRequest from './models/edit_request.js'
import { FILER_ROLES, mayApprove } from './access.js'

/** Navigation entries and the dashboard card: what waits for the user's decision, and its open exceptions. */
export function registerPeriodWidgets() {
  registerNavItem({ label: 'periods.nav.periods', route: 'periods.index', roles: 'all', order: 50 })
  registerNavItem({
    label: 'periods.nav.requests',
    route: 'periods.requests.index',
    roles: [...FILER_ROLES, 'inspector'],
    order: 51,
  })

  registerDashboardWidget({
    id: 'periods.requests',
    roles: FILER_ROLES,
    order: 40,
    view: 'periods/widgets/requests',
    load: async (user) => {
      const day = today()
      const requests = () => db.from('edit_requests')
      const count = async (query: ReturnType<typeof requests>) =>
        Number((await query.count('* as total').first())?.total ?? 0)
      const toConfirm = user.hasRole('head')
        ? await count(
            requests().where('status', 'pending_confirmation').where('unit_id', user.unitId)
          )
        : 0
      const toApprove = mayApprove(user)
        ? await count(
            requests().where('status', 'pending_approval').whereNot('requested_by_id', user.id)
          )
        : 0
      const mine = await count(
        requests()
          .where('requested_by_id', user.id)
          .whereIn('status', ['pending_confirmation', 'pending_approval'])
      )
      const active = await EditRequest.query()
        .where('requested_by_id', user.id)
        .where('status', 'approved')
        .where('exception_from', '<=', day)
        .where('exception_until', '>=', day)
        .orderBy('exception_until')
        .limit(5)
      return { toConfirm, toApprove, mine, active }
    },
  })
}
