import { test } from '@japa/runner'
import { totals, lowestFrom } from '#cases/services/balance'

const L = (kind: string, amount: number, effectiveDate: string) => ({ kind, amount, effectiveDate })

test.group('Case balance arithmetic', () => {
  test('remaining and held as of a day follow SPEC §3', ({ assert }) => {
    const lines = [
      L('obligation', 1_000_000, '2026-01-10'),
      L('collected', 300_000, '2026-02-01'),
      L('paid_out', 200_000, '2026-02-05'),
      L('reduced', 100_000, '2026-03-01'),
      L('fee', 50_000, '2026-03-02'),
      L('obligation', -100_000, '2026-03-05'),
      L('terminated_amount', 500_000, '2026-04-01'),
    ]
    assert.deepEqual(totals(lines, '2026-01-09'), { remaining: 0, held: 0 })
    assert.deepEqual(totals(lines, '2026-02-01'), { remaining: 700_000, held: 300_000 })
    assert.deepEqual(totals(lines, '2026-02-05'), { remaining: 700_000, held: 100_000 })
    assert.deepEqual(totals(lines, '2026-03-05'), { remaining: 500_000, held: 100_000 })
    assert.deepEqual(totals(lines), { remaining: 0, held: 100_000 })
  })

  test('a back-dated posting must keep every later day non-negative', ({ assert }) => {
    const lines = [L('obligation', 100, '2026-01-01'), L('obligation', 50, '2026-01-10')]
    // 120 collected on the 5th would leave -20 on the 5th..9th although today's balance (30) looks fine.
    assert.equal(lowestFrom(lines, '2026-01-05', L('collected', 120, '2026-01-05')).remaining, -20)
    assert.equal(lowestFrom(lines, '2026-01-10', L('collected', 120, '2026-01-10')).remaining, 30)
    assert.equal(lowestFrom(lines, '2026-01-05', L('paid_out', 1, '2026-01-05')).held, -1)
  })
})
