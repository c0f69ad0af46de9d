import { registerDashboardWidget, registerNavItem, today } from '#core'
import type { User } from '#accounts'
import { nextStocktake } from './rules.js'
import { dashboardFigures } from './services/queries.js'

/** The warehouse in the menu (keeper, head, officers, readers) and the keeper's and head's dashboard card. */
export function registerWarehouseWidgets() {
  registerNavItem({
    label: 'warehouse.nav.exhibits',
    route: 'warehouse.exhibits.index',
    roles: ['warehouse_keeper', 'head', 'officer', 'statistician', 'admin', 'inspector'],
    order: 30,
  })
  registerNavItem({
    label: 'warehouse.nav.orders',
    route: 'warehouse.orders.index',
    roles: ['warehouse_keeper', 'head'],
    order: 31,
  })
  registerNavItem({
    label: 'warehouse.nav.stocktakes',
    route: 'warehouse.stocktakes.index',
    roles: ['warehouse_keeper', 'head'],
    order: 32,
  })
  registerDashboardWidget({
    id: 'warehouse.due',
    roles: ['warehouse_keeper', 'head'],
    order: 30,
    view: 'warehouse/widgets/due',
    load: async (user: User) => {
      const f = await dashboardFigures(user)
      return {
        ...f,
        next: nextStocktake(today(), f.lastRegular),
        keeper: user.hasRole('warehouse_keeper'),
        head: user.hasRole('head'),
      }
    },
  })
}
