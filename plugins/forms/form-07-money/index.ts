/**
 * Form 07/TK-THA — results in money. Each column is an integer-VND amount per money entry (m) of a case (c) with
 * its status at period end (e); the host sums them per row with one GROUP BY. Remaining(D) is the signed sum
 * of the entries dated ≤ D (`sql.balance`). Stored and computed in VND, displayed in thousands.
 */
import { definePlugin } from '#reporting'
import { COLUMNS } from './columns.js'
import { CROSS_PERIOD, RULES } from './rules.js'

export default definePlugin({
  kind: 'form',
  source: 'money',
  displayDivisor: 1000,
  columns: COLUMNS,
  rules: RULES,
  crossPeriod: CROSS_PERIOD,
  measures: (sql) => {
    const inYear = `NOT ${sql.endedBeforeStart}`
    const withConditions = sql.statusIs('in_progress', 'postponed', 'suspended')
    const flow = (...kinds: string[]) =>
      sql.amountIf(`${sql.kindIn(...kinds)} AND ${sql.datedInPeriod}`)
    const remainingIf = (predicate: string) => sql.amountIf(predicate, sql.balance)
    return {
      c1: `(CASE WHEN ${inYear} AND ${sql.datedBeforeStart} THEN ${sql.balance} WHEN ${inYear} AND ${sql.kindIn('obligation')} AND ${sql.datedInPeriod} THEN m.amount ELSE 0 END)`,
      c2: remainingIf(`${sql.acceptedBeforeStart} AND ${inYear} AND ${sql.datedBeforeStart}`),
      c3: flow('obligation'),
      c4: flow('delegated_amount'),
      c5: flow('withdrawn_amount', 'revoked_amount'),
      c6:
        `(CASE WHEN ${inYear} AND ${sql.datedBeforeStart} THEN ${sql.balance}` +
        ` WHEN ${inYear} AND ${sql.kindIn('obligation')} AND ${sql.datedInPeriod} THEN m.amount` +
        ` WHEN ${inYear} AND ${sql.kindIn('delegated_amount', 'withdrawn_amount', 'revoked_amount')} AND ${sql.datedInPeriod} THEN -m.amount ELSE 0 END)`,
      c7: `(${flow('collected', 'terminated_amount', 'reduced')} + ${remainingIf(withConditions)})`,
      c8: flow('collected'),
      c9: flow('terminated_amount'),
      c10: flow('reduced'),
      c11: remainingIf(sql.statusIs('in_progress')),
      c12: remainingIf(sql.statusIs('postponed')),
      c13: remainingIf(sql.statusIs('suspended')),
      c14: remainingIf(sql.statusIs('no_conditions')),
      c16: remainingIf(sql.openAtEnd),
      c17: remainingIf(withConditions),
    }
  },
})
