import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  cronMatches,
  cronProblem,
  describeCron,
  nextRuns,
} from '#reporting/schedules/services/cron'
import { periodFor } from '#reporting/schedules/services/period_rules'

const vn = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' })
const fmt = (d: DateTime) => d.setZone('Asia/Ho_Chi_Minh').toFormat('yyyy-MM-dd HH:mm')

test.group('Schedules: cron in Vietnam time', () => {
  test('validation: five fields, valid values', ({ assert }) => {
    assert.isNull(cronProblem('0 7 1 * *'))
    assert.isNull(cronProblem('30 8 * * 1-5'))
    assert.equal(cronProblem(''), 'schedules.errors.cron_required')
    assert.equal(cronProblem('0 0 7 1 * *'), 'schedules.errors.cron_fields')
    assert.equal(cronProblem('61 7 1 * *'), 'schedules.errors.cron_invalid')
    assert.equal(cronProblem('0 25 * * *'), 'schedules.errors.cron_invalid')
    assert.equal(cronProblem('every month'), 'schedules.errors.cron_fields')
    assert.equal(cronProblem('x y z a b'), 'schedules.errors.cron_invalid')
  })

  test('monthly on the 31st skips short months; runs are Vietnam wall-clock times', ({
    assert,
  }) => {
    const runs = nextRuns('0 7 31 * *', vn('2026-01-31T08:00'), 5)
    assert.deepEqual(runs.map(fmt), [
      '2026-03-31 07:00',
      '2026-05-31 07:00',
      '2026-07-31 07:00',
      '2026-08-31 07:00',
      '2026-10-31 07:00',
    ])
    // 07:00 in Hanoi is 00:00 UTC.
    assert.equal(runs[0].toUTC().toFormat('HH:mm'), '00:00')
  })

  test('last day of the month (L) across February of a leap year and the year end', ({
    assert,
  }) => {
    assert.deepEqual(nextRuns('30 17 L * *', vn('2027-12-31T18:00'), 4).map(fmt), [
      '2028-01-31 17:30',
      '2028-02-29 17:30',
      '2028-03-31 17:30',
      '2028-04-30 17:30',
    ])
  })

  test('first day of each month at 00:05 Vietnam time is the previous day in UTC', ({ assert }) => {
    const runs = nextRuns('5 0 1 * *', vn('2026-11-30T23:59'), 3)
    assert.deepEqual(runs.map(fmt), ['2026-12-01 00:05', '2027-01-01 00:05', '2027-02-01 00:05'])
    assert.equal(runs[0].toUTC().toISO(), '2026-11-30T17:05:00.000Z')
    assert.isTrue(cronMatches('5 0 1 * *', DateTime.fromISO('2026-11-30T17:05:00Z')))
    assert.isFalse(cronMatches('5 0 1 * *', DateTime.fromISO('2026-12-01T00:05:00Z')))
  })

  test('weekdays, and the words', ({ assert }) => {
    assert.deepEqual(nextRuns('0 8 * * 1-5', vn('2026-05-29T09:00'), 3).map(fmt), [
      '2026-06-01 08:00',
      '2026-06-02 08:00',
      '2026-06-03 08:00',
    ])
    const t = (k: string, d?: Record<string, unknown>) => `${k}${d ? JSON.stringify(d) : ''}`
    assert.include(describeCron('0 7 1 * *', t), 'schedules.cron.at{"time":"07:00"}')
  })

  test('period rules: the period just closed, current, the year just closed', ({ assert }) => {
    // Run on 1 December 2026: November closed = period 2 of statistical year 2027.
    assert.deepInclude(periodFor('last_closed', '2026-12-01'), {
      year: 2027,
      period: 2,
      end: '2026-11-30',
    })
    assert.deepInclude(periodFor('current', '2026-12-01'), { year: 2027, period: 3 })
    // Run on 1 October 2026: September closed = period 12 of 2026.
    assert.deepInclude(periodFor('last_closed', '2026-10-01'), {
      year: 2026,
      period: 12,
      end: '2026-09-30',
    })
    assert.deepInclude(periodFor('last_closed_year', '2026-10-05'), { year: 2026, period: 12 })
    // Run on 1 January 2027: December = period 3 of 2027.
    assert.deepInclude(periodFor('last_closed', '2027-01-01'), {
      year: 2027,
      period: 3,
      end: '2026-12-31',
    })
  })
})
