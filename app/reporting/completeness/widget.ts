/** Dashboard card: the way to the completeness dashboard of the reader's unit (no heavy query on the home page). */
import type { DashboardWidget } from '#core'

export const completenessWidget: DashboardWidget = {
  id: 'reporting.completeness',
  roles: ['head', 'statistician', 'inspector'],
  order: 56,
  view: 'reporting/completeness/widget',
  load: async (user) => ({ unit: user.unit.code }),
}
