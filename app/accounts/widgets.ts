import { registerDashboardWidget, registerNavItem } from '#core'
import User from './models/user.js'
import Unit from './models/unit.js'
import { scopeToReach } from './access.js'

/** Navigation entries, and what the accounts module shows on dashboards: the user's own card for everyone, account counts for admins. */
export function registerAccountWidgets() {
  registerNavItem({ label: 'nav.dashboard', route: 'dashboard', roles: 'all', order: 0 })
  registerNavItem({ label: 'nav.units', route: 'units.index', roles: 'all', order: 80 })
  registerNavItem({ label: 'nav.users', route: 'users.index', roles: ['admin'], order: 85 })

  registerDashboardWidget({
    id: 'accounts.me',
    roles: [
      'admin',
      'head',
      'officer',
      'intake_clerk',
      'statistician',
      'warehouse_keeper',
      'inspector',
    ],
    order: 0,
    view: 'accounts/widgets/me',
    load: async (user) => ({ unit: user.unit, roles: user.roleNames }),
  })
  registerDashboardWidget({
    id: 'accounts.admin',
    roles: ['admin'],
    order: 10,
    view: 'accounts/widgets/admin',
    load: async (user) => {
      const base = () =>
        scopeToReach(
          User.query().join('units', 'units.id', 'users.unit_id'),
          user,
          ['admin'],
          'units.path'
        )
      const [active, revoked, pending, units] = await Promise.all([
        base().where('users.status', 'active').count('* as total'),
        base().where('users.status', 'revoked').count('* as total'),
        base()
          .where('users.status', 'active')
          .where('users.must_change_password', true)
          .count('* as total'),
        scopeToReach(Unit.query(), user, ['admin']).whereNull('valid_to').count('* as total'),
      ])
      const n = (rows: any[]) => Number(rows[0].$extras.total)
      return { active: n(active), revoked: n(revoked), pending: n(pending), units: n(units) }
    },
  })
}
