/**
 * The overdue trend chart on the head's and the officer's dashboards (issue 11): overdue deadlines per day over
 * the last 30 days from the daily snapshots (services/deadlines/snapshot.ts), today's point live, as a chart
 * with its table, each point linking to the overdue list.
 */
import { registerDashboardWidget } from '#core'
import type { User } from '#accounts'
import { ensureOverdueSnapshot, overdueTrend } from './services/deadlines/snapshot.js'

const dayLabel = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}`

export function registerOverdueTrendWidget() {
  registerDashboardWidget({
    id: 'deadlines.overdue_trend',
    roles: ['head', 'officer'],
    order: 92,
    view: 'cases/widgets/overdue_trend',
    load: async (user: User) => {
      await ensureOverdueSnapshot()
      const head = user.hasRole('head')
      const trend = await overdueTrend(head ? { path: user.unit.path } : { officerId: user.id })
      const list = head ? '/deadlines' : '/deadlines/mine'
      return {
        head,
        unit: user.unit.name,
        labels: trend.days.map(dayLabel),
        values: trend.values,
        links: trend.days.map(() => list),
        list,
        today: trend.values[trend.values.length - 1],
      }
    },
  })
}
