import db from '@adonisjs/lucid/services/db'
import { registerDashboardWidget, registerNavItem } from '#core'
import type { User } from '#accounts'

/** Navigation (admins: clients; readers: compliance) and the clerks' card of judgments posted by courts. */
export function registerIntegrationWidgets() {
  registerNavItem({
    label: 'integrations.nav.clients',
    route: 'integrations.index',
    roles: ['admin'],
    order: 80,
  })
  registerNavItem({
    label: 'integrations.nav.compliance',
    route: 'integrations.compliance',
    roles: ['admin', 'head', 'statistician', 'inspector'],
    order: 81,
  })
  registerDashboardWidget({
    id: 'integrations.arrivals',
    roles: ['intake_clerk'],
    order: 25,
    view: 'integrations/widgets/arrivals',
    load: async (user: User) => {
      const rows = await db
        .from('court_judgment_arrivals as a')
        .join('judgments as j', 'j.id', 'a.judgment_id')
        .where('a.unit_id', user.unitId)
        .orderBy('a.id', 'desc')
        .limit(10)
        .select('j.id', 'j.number', 'j.court', 'j.judgment_date', 'a.received_at')
      const [{ n }] = await db
        .from('court_judgment_arrivals')
        .where('unit_id', user.unitId)
        .whereNotExists((q) =>
          q
            .from('enforcement_requests as r')
            .whereColumn('r.judgment_id', 'court_judgment_arrivals.judgment_id')
        )
        .whereNotExists((q) =>
          q.from('cases as c').whereColumn('c.judgment_id', 'court_judgment_arrivals.judgment_id')
        )
        .count('* as n')
      return {
        rows: rows.map((r) => ({ ...r, judgment_date: String(r.judgment_date).slice(0, 10) })),
        pending: Number(n),
      }
    },
  })
}
