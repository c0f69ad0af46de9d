/**
 * Dashboard widgets contributed by modules. Each module registers what it shows to which roles at boot
 * (from its index.ts), so the landing page grows with the product without the accounts module knowing
 * about cases or reports.
 */
import type { User } from '#accounts'
import type { Role } from '#accounts'

export interface DashboardWidget {
  id: string
  /** Shown to users holding any of these roles. */
  roles: readonly Role[]
  order: number
  /** Edge partial rendered with `{ data }`. */
  view: string
  load(user: User): Promise<Record<string, unknown>>
}

const widgets: DashboardWidget[] = []

export function registerDashboardWidget(widget: DashboardWidget) {
  if (!widgets.some((w) => w.id === widget.id)) widgets.push(widget)
}

export async function dashboardFor(user: User) {
  const mine = widgets.filter((w) => user.hasRole(...w.roles)).sort((a, b) => a.order - b.order)
  return Promise.all(mine.map(async (w) => ({ id: w.id, view: w.view, data: await w.load(user) })))
}
