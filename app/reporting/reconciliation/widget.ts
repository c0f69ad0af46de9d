/** Dashboard card: paper figures recorded in the reader's reach for the last ended period, and the latest gaps. */
import db from '@adonisjs/lucid/services/db'
import { reachPrefix } from '#accounts'
import type { DashboardWidget } from '#core'
import { FORM_READER_ROLES } from '../services/access.js'
import { pathRange } from '../services/context.js'
import { lastEndedPeriod } from './controllers/shared.js'

export const reconciliationWidget: DashboardWidget = {
  id: 'reporting.reconciliation',
  roles: ['head', 'statistician', 'inspector'],
  order: 55,
  view: 'reporting/reconciliation/widget',
  load: async (user) => {
    const { year, period } = lastEndedPeriod()
    const prefix = reachPrefix(user, FORM_READER_ROLES) ?? user.unit.path
    const [lo, hi] = pathRange(prefix)
    const recorded = await db
      .from('traditional_figures')
      .where({ year, period })
      .where('unit_path', '>=', lo)
      .where('unit_path', '<', hi)
      .count('* as n')
      .first()
    const snapshot = await db
      .from('reconciliation_snapshots')
      .where({ year, period, unit_id: user.unitId })
      .orderBy('taken_on', 'desc')
      .first()
    return {
      year,
      period,
      recorded: Number(recorded?.n ?? 0),
      gap: snapshot ? Number(snapshot.gap) : null,
      unit: user.unit.code,
    }
  },
}
