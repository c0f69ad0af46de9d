import { registerDashboardWidget, registerNavItem } from '#core'
import type { User } from '#accounts'
import { visibleCases } from './services/access.js'
import EnforcementRequest from './models/enforcement_request.js'
import { OPEN_STATUSES } from './state_machine.js'
import { today } from './services/dates.js'
import db from '@adonisjs/lucid/services/db'

const n = (rows: any[], key = 'total') => Number(rows[0]?.$extras?.[key] ?? 0)

/** Navigation and dashboard cards of the cases module, one card per working role. */
export function registerCaseWidgets() {
  registerNavItem({ label: 'cases.nav.mine', route: 'cases.mine', roles: ['officer'], order: 10 })
  registerNavItem({
    label: 'cases.nav.cases',
    route: 'cases.index',
    roles: ['admin', 'head', 'officer', 'intake_clerk', 'statistician', 'inspector'],
    order: 11,
  })
  registerNavItem({
    label: 'cases.nav.decisions',
    route: 'decisions.index',
    roles: ['intake_clerk', 'head'],
    order: 12,
  })
  registerNavItem({
    label: 'cases.nav.judgments',
    route: 'judgments.index',
    roles: ['admin', 'head', 'intake_clerk', 'statistician', 'inspector'],
    order: 13,
  })
  registerNavItem({
    label: 'cases.nav.requests',
    route: 'requests.index',
    roles: ['admin', 'head', 'intake_clerk', 'statistician', 'inspector'],
    order: 14,
  })
  registerNavItem({ label: 'cases.nav.tokens', route: 'tokens.index', roles: 'all', order: 95 })

  registerDashboardWidget({
    id: 'cases.mine',
    roles: ['officer'],
    order: 20,
    view: 'cases/widgets/mine',
    load: async (user: User) => {
      const rows = await visibleCases(user)
        .where('officer_id', user.id)
        .whereIn('status', [...OPEN_STATUSES])
        .count('* as total')
        // Aliases must not be model column names: Lucid would map them onto the model, not $extras.
        .sum('remaining as remaining_total')
        .sum('held as held_total')
      return { open: n(rows), remaining: n(rows, 'remaining_total'), held: n(rows, 'held_total') }
    },
  })
  registerDashboardWidget({
    id: 'cases.queue',
    roles: ['head'],
    order: 21,
    view: 'cases/widgets/queue',
    load: async (user: User) => ({
      submitted: n(
        await visibleCases(user)
          .where('unit_id', user.unitId)
          .where('draft_status', 'submitted')
          .count('* as total')
      ),
    }),
  })
  registerDashboardWidget({
    id: 'cases.drafts',
    roles: ['intake_clerk'],
    order: 22,
    view: 'cases/widgets/drafts',
    load: async (user: User) => {
      const drafts = n(
        await visibleCases(user)
          .where('unit_id', user.unitId)
          .where('draft_status', 'draft')
          .count('* as total')
      )
      const rejected = n(
        await visibleCases(user)
          .where('unit_id', user.unitId)
          .where('draft_status', 'rejected')
          .count('* as total')
      )
      const [pending] = await EnforcementRequest.query()
        .where('unit_id', user.unitId)
        .where('status', 'pending')
        .count('* as total')
      // Overdue decisions: the pending requests' deadline facts, one indexed count.
      const [late] = await db
        .from('case_deadlines')
        .where('unit_id', user.unitId)
        .where('due_on', '<', today())
        .whereNotNull('request_id')
        .count('* as total')
      const overdue = Number(late?.total ?? 0)
      return { drafts, rejected, pending: n([pending]), overdue }
    },
  })
}
