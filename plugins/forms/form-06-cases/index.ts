/**
 * Form 06/TK-THA — results in cases. Each column is a predicate over one case (c) and its status at period end
 * (e); the host counts the cases per row with one GROUP BY. Columns 1, 6, 7, 16 and 17 are counted from their
 * own definitions (not added up from other cells), so the identities of rules.ts really check the data.
 */
import { definePlugin } from '#reporting'
import { COLUMNS } from './columns.js'
import { CROSS_PERIOD, RULES } from './rules.js'

export default definePlugin({
  kind: 'form',
  source: 'cases',
  columns: COLUMNS,
  rules: RULES,
  crossPeriod: CROSS_PERIOD,
  measures: (sql) => {
    const inYear = `NOT ${sql.endedBeforeStart}`
    const withConditions = sql.statusIs('in_progress', 'postponed', 'suspended')
    return {
      c1: inYear,
      c2: `${sql.acceptedBeforeStart} AND ${inYear}`,
      c3: sql.acceptedInPeriod,
      c4: sql.endedInPeriod('delegated_out'),
      c5: sql.endedInPeriod('withdrawn', 'revoked'),
      c6: `${inYear} AND NOT ${sql.endedInPeriod('delegated_out', 'withdrawn', 'revoked')}`,
      c7: `(${sql.endedInPeriod('completed', 'terminated')} OR ${withConditions})`,
      c8: sql.endedInPeriod('completed'),
      c9: sql.endedInPeriod('terminated'),
      c10: '1 = 0',
      c11: sql.statusIs('in_progress'),
      c12: sql.statusIs('postponed'),
      c13: sql.statusIs('suspended'),
      c14: sql.statusIs('no_conditions'),
      c16: sql.openAtEnd,
      c17: withConditions,
    }
  },
})
