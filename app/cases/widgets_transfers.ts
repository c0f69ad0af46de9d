import edge from 'edge.js'
import { registerDashboardWidget, registerNavItem } from '#core'
import type { User } from '#accounts'
import type Case from './models/case.js'
import Handover from './models/handover.js'
import Delegation from './models/delegation.js'
import { caseTransfers } from './services/transfer_queries.js'

const n = (rows: any[], key = 'total') => Number(rows[0]?.$extras?.[key] ?? 0)

/** Navigation, dashboard cards and the case-page panel of the transfer flows. */
export function registerTransferWidgets() {
  registerNavItem({
    label: 'transfers.nav.handovers',
    route: 'handovers.index',
    roles: ['admin', 'head', 'officer', 'statistician', 'inspector'],
    order: 15,
  })
  registerNavItem({
    label: 'transfers.nav.delegations',
    route: 'delegations.index',
    roles: ['admin', 'head', 'officer', 'intake_clerk', 'statistician', 'inspector'],
    order: 16,
  })
  // The case page includes cases/transfers/_case_panel, which asks for its data here.
  edge.global('transfersFor', (c: Case, user: User) => caseTransfers(c, user))

  registerDashboardWidget({
    id: 'transfers.handovers',
    roles: ['officer', 'head'],
    order: 23,
    view: 'cases/transfers/widget_handovers',
    load: async (user: User) => {
      const incoming = await Handover.query()
        .where('to_officer_id', user.id)
        .where('status', 'proposed')
        .count('* as total')
        .sum('held_total as held')
      const taken = await Handover.query()
        .where('to_officer_id', user.id)
        .where('status', 'confirmed')
        .count('* as total')
        .sum('case_count as cases')
        .sum('held_total as held')
      const toConfirm = user.hasRole('head')
        ? n(
            await Handover.query()
              .where('unit_id', user.unitId)
              .where('status', 'proposed')
              .count('* as total')
          )
        : 0
      return {
        incoming: n(incoming),
        incomingHeld: n(incoming, 'held'),
        takenCases: n(taken, 'cases'),
        takenHeld: n(taken, 'held'),
        toConfirm,
        isHead: user.hasRole('head'),
      }
    },
  })
  registerDashboardWidget({
    id: 'transfers.delegations',
    roles: ['head', 'intake_clerk'],
    order: 24,
    view: 'cases/transfers/widget_delegations',
    load: async (user: User) => ({
      incoming: n(
        await Delegation.query()
          .where('to_unit_id', user.unitId)
          .where('status', 'confirmed')
          .count('* as total')
      ),
      toConfirm: user.hasRole('head')
        ? n(
            await Delegation.query()
              .where('from_unit_id', user.unitId)
              .where('status', 'proposed')
              .count('* as total')
          )
        : 0,
    }),
  })
}
