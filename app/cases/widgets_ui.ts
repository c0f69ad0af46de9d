/**
 * Role dashboards of issue 11: an overview card (current statistical period, submissions, open work) and
 * charts for every role — intake vs completed per month, money collected, completion rate by unit, caseload per
 * officer — each readable as a table and linking to the list behind it (components/chart.edge).
 */
import db from '@adonisjs/lucid/services/db'
import { registerDashboardWidget, registerNavItem, today } from '#core'
import { reachPrefix, type User } from '#accounts'
import { periodOf } from '#periods'
import {
  caseloadPerOfficer,
  collectedPerMonth,
  completionByUnit,
  intakeVsCompleted,
  lastMonths,
  monthEnd,
  myCasesByStatus,
  openCount,
  submissionStatus,
} from './services/dashboard_figures.js'
import { inboxFor } from './services/inbox.js'

const READERS = ['admin', 'head', 'statistician', 'inspector'] as const
const monthLabel = (m: string) => `T${Number(m.slice(5, 7))}/${m.slice(0, 4)}`

/** The unit whose subtree the user reads (the national root for the inspector). */
async function reachUnit(user: User) {
  const prefix = reachPrefix(user, READERS) ?? user.unit.path
  if (prefix !== '/')
    return { id: user.unit.id, path: user.unit.path, name: user.unit.name, code: user.unit.code }
  const root = await db
    .from('units')
    .whereNull('parent_id')
    .orderBy('id')
    .select('id', 'path', 'name', 'code')
    .first()
  return (
    root ?? { id: user.unit.id, path: user.unit.path, name: user.unit.name, code: user.unit.code }
  )
}

export function registerUiWidgets() {
  registerNavItem({ label: 'ui.nav.inbox', route: 'inbox.index', roles: 'all', order: 1 })
  registerDashboardWidget({
    id: 'ui.inbox',
    roles: [
      'admin',
      'head',
      'officer',
      'intake_clerk',
      'statistician',
      'inspector',
      'warehouse_keeper',
    ],
    order: 1,
    view: 'cases/widgets/inbox',
    load: async (user) => {
      const items = await inboxFor(user)
      return {
        total: items.length,
        overdue: items.filter((i) => i.overdue).length,
        first: items.slice(0, 5),
      }
    },
  })

  registerDashboardWidget({
    id: 'ui.overview',
    roles: [...READERS],
    order: 5,
    view: 'cases/widgets/overview',
    load: async (user) => {
      const unit = await reachUnit(user)
      const period = periodOf(today())
      const previous =
        period.n > 1 ? { year: period.year, n: period.n - 1 } : { year: period.year - 1, n: 12 }
      const childUnits = Number(
        (
          await db.from('units').where('parent_id', unit.id).whereNull('valid_to').count('* as n')
        )[0]?.n ?? 0
      )
      return {
        unit,
        period,
        previous,
        open: await openCount(unit.path),
        childUnits,
        submissions: await submissionStatus(unit.path, previous.year, previous.n),
        // the submissions board is for heads, statisticians and inspectors (an admin is refused there)
        boardLink: user.hasRole('head', 'statistician', 'inspector'),
      }
    },
  })

  registerDashboardWidget({
    id: 'ui.charts',
    roles: [...READERS],
    order: 90,
    view: 'cases/widgets/charts',
    load: async (user) => {
      const unit = await reachUnit(user)
      const months = lastMonths(12)
      const flows = await intakeVsCompleted(unit.path, months)
      const collected = await collectedPerMonth(unit.path, months)
      // Completion rate of the cases accepted in the current statistical year (from 1 October).
      const rates = await completionByUnit(unit, `${periodOf(today()).year - 1}-10-01`)
      const head = user.hasRole('head')
      const load = head ? await caseloadPerOfficer(user.unitId) : []
      const monthLinks = months.map((m) => `/cases?from=${m}-01&to=${monthEnd(m)}`)
      return {
        unit,
        months: months.map(monthLabel),
        monthLinks,
        flows,
        collected,
        rates,
        rateLinks: rates.map((r) => `/units/${r.id}`),
        load,
        loadLinks: load.map((o) => `/cases?officer_id=${o.id}&status=open`),
      }
    },
  })

  registerDashboardWidget({
    id: 'ui.officer_charts',
    roles: ['officer'],
    order: 91,
    view: 'cases/widgets/officer_charts',
    load: async (user) => {
      const months = lastMonths(12)
      return {
        months: months.map(monthLabel),
        monthLinks: months.map(() => '/cases/mine?status=open'),
        collected: await collectedPerMonth(user.unit.path, months, user.id),
        byStatus: await myCasesByStatus(user),
      }
    },
  })
}
