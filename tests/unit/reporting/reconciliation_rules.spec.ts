/** The arithmetic of reconciliation and completeness: identities of paper figures, statuses, catch-up dates. */
import { test } from '@japa/runner'
import { figureRuleErrors, FIGURE_KEYS } from '../../../app/reporting/reconciliation/indicators.js'
import { rowStatus } from '../../../app/reporting/reconciliation/services/compare.js'
import { defaultPlan, dueFor } from '../../../app/reporting/reconciliation/services/plan.js'
import { percent } from '../../../app/reporting/completeness/services/completeness.js'

const zero = () => Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Record<string, number>

test.group('Reconciliation arithmetic', () => {
  test('paper figures must respect the identities of forms 06 and 07', ({ assert }) => {
    assert.deepEqual(
      figureRuleErrors({
        ...zero(),
        f06_c1: 10,
        f06_c3: 4,
        f06_c4: 1,
        f06_c6: 9,
        f06_c8: 5,
        f06_c14: 4,
      }),
      {}
    )
    assert.deepEqual(figureRuleErrors({ ...zero(), f06_c1: 3, f06_c3: 4, f06_c6: 3 }), {
      f06_c3: 'reconciliation.rule.new_over_total',
    })
    assert.deepEqual(figureRuleErrors({ ...zero(), f07_c1: 10, f07_c4: 2, f07_c6: 9 }), {
      f07_c6: 'reconciliation.rule.enforce_over_total',
    })
    assert.deepEqual(
      figureRuleErrors({ ...zero(), f06_c1: 10, f06_c6: 10, f06_c8: 6, f06_c14: 5 }),
      {
        f06_c8: 'reconciliation.rule.done_over_enforce',
      }
    )
  })

  test('a row is consistent only when every difference is within tolerance and every unit reported', ({
    assert,
  }) => {
    const plan = { toleranceCases: 1, toleranceMoney: 10 }
    const diff = { ...zero(), f06_c1: 1, f07_c8: -10 } as any
    assert.equal(rowStatus(diff, 1, 1, plan), 'consistent')
    assert.equal(rowStatus({ ...diff, f06_c8: 2 }, 1, 1, plan), 'incomplete')
    assert.equal(rowStatus({ ...diff, f07_c1: 11 }, 1, 1, plan), 'incomplete')
    assert.equal(rowStatus(diff, 2, 3, plan), 'incomplete')
    assert.equal(rowStatus(null, 0, 1, plan), 'missing')
  })

  test('catch-up dates follow CV 2352: under 2,000 dossiers by 10/8, from 2,000 by 25/8', ({
    assert,
  }) => {
    const plan = defaultPlan(2019)
    assert.equal(dueFor(plan, 1999), '2019-08-10')
    assert.equal(dueFor(plan, 2000), '2019-08-25')
    assert.equal(dueFor(plan, -2500), '2019-08-25')
    assert.equal(plan.closeOn, '2019-09-30')
  })

  test('shares round half up to two decimals and are empty without a base', ({ assert }) => {
    assert.equal(percent(2, 3), 66.67)
    assert.equal(percent(1, 8), 12.5)
    assert.isNull(percent(0, 0))
  })
})
