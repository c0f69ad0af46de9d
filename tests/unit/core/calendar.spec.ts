import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import {
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
  invalidateCalendar,
  holidayName,
  calendarBetween,
} from '#core'

test.group('Working-day calendar (seeded 2024–2027)', () => {
  test('weekends and public holidays are not working days', async ({ assert }) => {
    assert.isTrue(await isWorkingDay('2025-02-03')) // Monday after Tết Ất Tỵ
    assert.isFalse(await isWorkingDay('2025-02-01')) // Saturday
    assert.isFalse(await isWorkingDay('2025-02-02')) // Sunday
    for (const day of [
      '2025-01-27',
      '2025-01-29',
      '2025-01-31',
      '2024-02-08',
      '2026-02-17',
      '2025-04-07',
      '2024-09-03',
      '2025-09-01',
    ]) {
      assert.isFalse(await isWorkingDay(day), day)
    }
    assert.equal(await holidayName('2025-04-30'), 'Ngày Chiến thắng')
    assert.isNull(await holidayName('2025-05-05'))
  })

  test('swapped days off and make-up Saturdays follow the annual notices', async ({ assert }) => {
    assert.isFalse(await isWorkingDay('2025-05-02')) // Friday swapped …
    assert.isTrue(await isWorkingDay('2025-04-26')) // … for Saturday 26/4
    assert.isFalse(await isWorkingDay('2024-04-29'))
    assert.isTrue(await isWorkingDay('2024-05-04'))
    assert.isFalse(await isWorkingDay('2026-01-02'))
    assert.isTrue(await isWorkingDay('2026-01-10'))
    assert.isFalse(await isWorkingDay('2026-04-27')) // compensatory day: Giỗ Tổ fell on Sunday 26/4
  })

  test('addWorkingDays skips weekends and holidays, both ways', async ({ assert }) => {
    assert.equal(await addWorkingDays('2025-01-24', 1), '2025-02-03') // over the 9 days of Tết
    assert.equal(await addWorkingDays('2024-08-30', 1), '2024-09-04') // weekend + 2/9 + 3/9
    assert.equal(await addWorkingDays('2025-03-07', 5), '2025-03-14')
    assert.equal(await addWorkingDays('2025-04-25', 1), '2025-04-26') // the make-up Saturday counts
    assert.equal(await addWorkingDays('2025-06-11', 0), '2025-06-11')
    assert.equal(await addWorkingDays('2025-02-03', -1), '2025-01-24')
    assert.equal(await addWorkingDays('2025-05-05', -2), '2025-04-28')
  })

  test('workingDaysBetween counts (a, b] and inverts addWorkingDays', async ({ assert }) => {
    assert.equal(await workingDaysBetween('2025-01-24', '2025-02-03'), 1)
    assert.equal(await workingDaysBetween('2025-03-07', '2025-03-14'), 5)
    assert.equal(await workingDaysBetween('2025-03-14', '2025-03-07'), -5)
    assert.equal(await workingDaysBetween('2025-03-08', '2025-03-09'), 0) // a weekend
    assert.equal(await workingDaysBetween('2025-03-10', '2025-03-10'), 0)
    for (const [start, n] of [
      ['2024-12-27', 7],
      ['2026-02-12', 3],
      ['2027-04-28', 4],
      ['2025-08-29', 2],
    ] as const) {
      assert.equal(
        await workingDaysBetween(start, await addWorkingDays(start, n)),
        n,
        `${start}+${n}`
      )
    }
  })

  test('a holiday written to the table is seen after invalidation', async ({ assert }) => {
    const day = '2031-06-11' // a Wednesday, outside the seeded years
    assert.isTrue(await isWorkingDay(day))
    await db.table('holidays').insert({ day, name: 'Test holiday' })
    try {
      invalidateCalendar()
      assert.isFalse(await isWorkingDay(day))
      const { holidays } = await calendarBetween('2031-01-01', '2031-12-31')
      assert.deepEqual(holidays, [{ day, name: 'Test holiday' }])
    } finally {
      await db.from('holidays').where('day', day).delete()
      invalidateCalendar()
    }
    assert.isTrue(await isWorkingDay(day))
  })
})
