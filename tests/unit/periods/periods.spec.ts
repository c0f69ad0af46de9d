import { test } from '@japa/runner'
import {
  periodRange,
  periodOf,
  periodsOf,
  periodMonth,
  statisticalYearOf,
  monthCloseDate,
  yearRange,
} from '#periods'

test.group('Statistical periods (SPEC §4)', () => {
  test('the statistical year runs 1 October to 30 September', ({ assert }) => {
    assert.equal(statisticalYearOf('2024-10-01'), 2025)
    assert.equal(statisticalYearOf('2024-09-30'), 2024)
    assert.equal(statisticalYearOf('2025-09-30'), 2025)
    assert.equal(statisticalYearOf('2024-12-31'), 2025)
    assert.deepEqual(yearRange(2025), { start: '2024-10-01', end: '2025-09-30' })
  })

  test('period n is cumulative from 1 October to the end of the n-th month', ({ assert }) => {
    assert.deepEqual(periodRange(2025, 1), {
      year: 2025,
      n: 1,
      start: '2024-10-01',
      end: '2024-10-31',
    })
    assert.equal(periodRange(2025, 3).end, '2024-12-31')
    assert.equal(periodRange(2025, 4).end, '2025-01-31')
    assert.equal(periodRange(2025, 5).end, '2025-02-28')
    assert.equal(periodRange(2024, 5).end, '2024-02-29') // leap year
    assert.equal(periodRange(2025, 6).end, '2025-03-31')
    assert.deepEqual(periodRange(2025, 12), {
      year: 2025,
      n: 12,
      start: '2024-10-01',
      end: '2025-09-30',
    })
    assert.equal(periodMonth(2025, 3), '2024-12')
    assert.equal(periodMonth(2025, 12), '2025-09')
    const all = periodsOf(2026)
    assert.lengthOf(all, 12)
    assert.isTrue(all.every((p) => p.start === '2025-10-01'))
    assert.throws(() => periodRange(2025, 0))
    assert.throws(() => periodRange(2025, 13))
  })

  test('periodOf gives the monthly period whose last month holds the day', ({ assert }) => {
    assert.deepEqual(periodOf('2025-03-15'), {
      year: 2025,
      n: 6,
      start: '2024-10-01',
      end: '2025-03-31',
    })
    assert.deepEqual(periodOf('2024-10-01'), {
      year: 2025,
      n: 1,
      start: '2024-10-01',
      end: '2024-10-31',
    })
    assert.deepEqual(periodOf('2024-12-31'), {
      year: 2025,
      n: 3,
      start: '2024-10-01',
      end: '2024-12-31',
    })
    assert.deepEqual(periodOf('2025-01-01'), {
      year: 2025,
      n: 4,
      start: '2024-10-01',
      end: '2025-01-31',
    })
    assert.deepEqual(periodOf('2025-09-30'), {
      year: 2025,
      n: 12,
      start: '2024-10-01',
      end: '2025-09-30',
    })
    assert.equal(periodOf('2025-10-01').year, 2026)
  })

  test('a month closes after its end plus the grace in working days', async ({ assert }) => {
    assert.equal(await monthCloseDate('2024-05-15'), '2024-06-03') // Fri 31/5 → Mon 3/6
    assert.equal(await monthCloseDate('2025-07-01'), '2025-08-01') // Thu 31/7 → Fri 1/8
    assert.equal(await monthCloseDate('2024-08-05'), '2024-09-04') // over the weekend and 2/9, 3/9
    assert.equal(await monthCloseDate('2025-04-10'), '2025-05-05') // 30/4, 1/5, swapped 2/5, weekend
    assert.equal(await monthCloseDate('2025-01-10'), '2025-02-03') // month ends inside Tết
    assert.equal(await monthCloseDate('2025-09-10'), '2025-10-01') // period 12 closes on the first day of the next year
    assert.equal(await monthCloseDate('2025-07-01', 0), '2025-07-31')
    assert.equal(await monthCloseDate('2025-07-01', 3), '2025-08-05')
  })
})
