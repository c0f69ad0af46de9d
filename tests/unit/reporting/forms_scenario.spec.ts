/**
 * Hand-computed scenario: eight cases whose every cell of forms 06 and 07 is known, the officer of a case is
 * the one assigned at period end, and the rules catch data that breaks the state machine.
 */
import { test } from '@japa/runner'
import { TOTAL_KEY, UNASSIGNED_KEY } from '#reporting'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'
import { makeUser } from '#tests/helpers/factories'
import { compute } from './helpers.js'

test.group('Forms 06/07 on a known scenario', () => {
  test('every cell of the 12-month report of statistical year 2025', async ({ assert }) => {
    const { districts } = await makeProvinceTree(1)
    const unit = districts[0]
    const o1 = await makeUser(unit.code, ['officer'])
    const o2 = await makeUser(unit.code, ['officer'])
    // A: carried over with 600k left, collected and completed in the year
    await writeCase(unit, '2024-05-01', [
      { day: '2024-05-01', money: [['obligation', 1_000_000]], officer: o1.id },
      { day: '2024-08-01', money: [['collected', 400_000]] },
      {
        day: '2024-12-01',
        money: [
          ['collected', 600_000],
          ['paid_out', 600_000],
        ],
        status: 'completed',
      },
    ])
    // B: finished before the year: out of the report
    await writeCase(unit, '2023-01-01', [{ day: '2023-06-01', status: 'completed' }])
    // C: new, without conditions at E; officer o2 until o1 takes it over on 1 Aug 2025
    await writeCase(unit, '2025-01-10', [
      { day: '2025-01-10', money: [['obligation', 2_000_000]], officer: o2.id },
      { day: '2025-03-01', status: 'no_conditions' },
      { day: '2025-08-01', officer: o1.id },
    ])
    // D: new, fully delegated out
    await writeCase(unit, '2025-02-01', [
      { day: '2025-02-01', money: [['obligation', 500_000]] },
      { day: '2025-04-01', money: [['delegated_amount', 500_000]], status: 'delegated_out' },
    ])
    // E: carried over, terminated with its balance
    await writeCase(unit, '2024-09-15', [
      { day: '2024-09-15', money: [['obligation', 300_000]] },
      { day: '2025-05-05', money: [['terminated_amount', 300_000]], status: 'terminated' },
    ])
    // F: new, reduced then postponed
    await writeCase(unit, '2025-03-03', [
      { day: '2025-03-03', money: [['obligation', 800_000]] },
      {
        day: '2025-05-01',
        money: [
          ['reduced', 100_000],
          ['fee', 20_000],
        ],
      },
      { day: '2025-06-01', status: 'postponed' },
    ])
    // G: new, revoked
    await writeCase(unit, '2025-04-04', [
      { day: '2025-04-04', money: [['obligation', 50_000]] },
      { day: '2025-04-20', money: [['revoked_amount', 50_000]], status: 'revoked' },
    ])
    // H: accepted after the period
    await writeCase(unit, '2025-10-05', [{ day: '2025-10-05', money: [['obligation', 999_000]] }])

    const f06 = await compute('form-06-cases', unit, 2025, 12)
    const t06 = f06.rows.find((r) => r.key === TOTAL_KEY)!.values
    assert.deepEqual(t06, {
      c1: 6,
      c2: 2,
      c3: 4,
      c4: 1,
      c5: 1,
      c6: 4,
      c7: 3,
      c8: 1,
      c9: 1,
      c10: 0,
      c11: 0,
      c12: 1,
      c13: 0,
      c14: 1,
      c15: 66.67,
      c16: 2,
      c17: 1,
    })
    assert.isTrue(f06.rules.every((r) => r.passed))

    const f07 = await compute('form-07-money', unit, 2025, 12)
    const t07 = f07.rows.find((r) => r.key === TOTAL_KEY)!.values
    assert.deepEqual(t07, {
      c1: 4_250_000,
      c2: 900_000,
      c3: 3_350_000,
      c4: 500_000,
      c5: 50_000,
      c6: 3_700_000,
      c7: 1_700_000,
      c8: 600_000,
      c9: 300_000,
      c10: 100_000,
      c11: 0,
      c12: 700_000,
      c13: 0,
      c14: 2_000_000,
      c15: 58.82,
      c16: 2_700_000,
      c17: 700_000,
    })
    assert.isTrue(f07.rules.every((r) => r.passed))

    // Rows per officer: the assignment at period end decides (C is o1's at E = 30 Sep, o2's at E = 31 Mar).
    const row = (form: typeof f06, key: number) => form.rows.find((r) => r.key === key)!.values
    assert.equal(row(f06, o1.id).c1, 2)
    assert.equal(row(f06, o2.id).c1, 0)
    assert.equal(row(f06, UNASSIGNED_KEY).c1, 4)
    const march = await compute('form-06-cases', unit, 2025, 6)
    assert.equal(row(march, o2.id).c14, 1)
    assert.equal(row(march, o1.id).c14, 0)
    // Column 15 is "—" (null) when column 7 is 0.
    assert.isNull(row(f06, o2.id).c15)
  })

  test('the rules flag data that breaks the state machine, cell by cell', async ({ assert }) => {
    const { districts } = await makeProvinceTree(1)
    // Completed while 5 VND are still owed: a terminal case must have a zero balance.
    await writeCase(districts[0], '2025-01-02', [
      { day: '2025-01-02', money: [['obligation', 5]] },
      { day: '2025-02-02', status: 'completed' },
    ])
    const form = await compute('form-07-money', districts[0], 2025, 12)
    const violated = form.rules.filter((r) => !r.passed && r.row === TOTAL_KEY)
    assert.includeMembers(
      violated.map((r) => r.rule),
      ['r3', 'r5']
    )
    assert.includeMembers(violated.find((r) => r.rule === 'r5')!.cells, [
      'c16',
      'c6',
      'c8',
      'c9',
      'c10',
    ])
    assert.equal(violated.find((r) => r.rule === 'r5')!.left, 0)
    assert.equal(violated.find((r) => r.rule === 'r5')!.right, 5)
  })
})
