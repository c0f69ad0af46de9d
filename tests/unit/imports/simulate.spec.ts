import { test } from '@japa/runner'
import { simulate, parseAmount, type Lookup } from '#cases/imports/services/simulate'
import {
  RecordGrouper,
  recordHash,
  type ImportRecord,
  type RowError,
} from '#cases/imports/services/record'
import type { RawRow } from '#cases/imports/format'

const units = {
  D1: { id: 10, code: 'D1', path: '/1/2/10/', level: 'district', parentId: 2 },
  D2: { id: 11, code: 'D2', path: '/1/2/11/', level: 'district', parentId: 2 },
  P: { id: 2, code: 'P', path: '/1/2/', level: 'province', parentId: 1 },
} as Record<string, any>
const lookup: Lookup = {
  today: '2026-11-20',
  unit: (code) => units[code],
  officer: (email) =>
    ({
      'a@x.vn': { id: 100, email, unitId: 10, officer: true },
      'b@x.vn': { id: 101, email, unitId: 10, officer: true },
      'c@x.vn': { id: 102, email, unitId: 11, officer: true },
    })[email],
}

function record(history: RawRow[], amount = '1000'): ImportRecord {
  const k = { source_system: 'S', external_id: 'E1' }
  const rows: RawRow[] = [
    {
      row_type: 'case',
      ...k,
      unit_code: 'D1',
      date: '2018-01-02',
      number: '1/QĐ',
      kind: 'ex_officio',
    },
    { row_type: 'obligation', ...k, kind: 'money', description: 'x', amount },
    { row_type: 'assignment', ...k, date: '2018-01-02', officer_email: 'a@x.vn' },
    ...history.map((h) => ({ ...k, ...h })),
  ]
  const g = new RecordGrouper(() => {})
  rows.forEach((r, i) => g.push(i + 2, r))
  return g.end()!
}

function run(history: RawRow[], amount?: string) {
  const errors: RowError[] = []
  const plan = simulate(record(history, amount), lookup, errors)
  return { plan, errors: errors.map((e) => e.code), lines: errors.map((e) => e.line) }
}

test.group('imports / simulate (the live rules on a history)', () => {
  test('acceptance writes the decision, span, obligation and first officer', ({ assert }) => {
    const { plan, errors } = run([])
    assert.deepEqual(errors, [])
    assert.deepEqual(
      plan!.events.map((e) => e.type),
      ['decision_approved', 'officer_assigned']
    )
    assert.deepEqual(
      plan!.money.map((m) => [m.kind, m.amount, m.officerId]),
      [['obligation', 1000, 100]]
    )
    assert.equal(plan!.remaining, 1000)
  })

  test('partial delegation moves an amount and keeps the case open; full delegation settles the rest', ({
    assert,
  }) => {
    const { plan, errors } = run([
      {
        row_type: 'event',
        event_type: 'delegated_out',
        date: '2018-02-01',
        scope: 'partial',
        amount: '300',
        target_unit_code: 'D2',
      },
      {
        row_type: 'event',
        event_type: 'delegated_out',
        date: '2018-03-01',
        target_unit_code: 'D2',
      },
    ])
    assert.deepEqual(errors, [])
    assert.deepEqual(
      plan!.money.map((m) => [m.kind, m.amount]),
      [
        ['obligation', 1000],
        ['delegated_amount', 300],
        ['delegated_amount', 700],
      ]
    )
    assert.deepEqual(
      plan!.spans.map((s) => [s.status, s.from, s.to]),
      [
        ['in_progress', '2018-01-02', '2018-03-01'],
        ['delegated_out', '2018-03-01', null],
      ]
    )
    assert.equal(plan!.remaining, 0)
    assert.equal(plan!.events[2].statusAfter, null)
  })

  test('completion needs a settled balance; collections cannot exceed remaining on any later day', ({
    assert,
  }) => {
    assert.deepEqual(
      run([{ row_type: 'event', event_type: 'completed', date: '2018-02-01' }]).errors,
      ['cases.errors.money_left']
    )
    assert.deepEqual(
      run([
        {
          row_type: 'money',
          kind: 'collected',
          date: '2018-02-01',
          amount: '1001',
          receipt_number: 'R',
        },
      ]).errors,
      ['cases.errors.beyond_remaining']
    )
    const ok = run([
      {
        row_type: 'money',
        kind: 'collected',
        date: '2018-02-01',
        amount: '1000',
        receipt_number: 'R',
      },
      {
        row_type: 'money',
        kind: 'paid_out',
        date: '2018-02-02',
        amount: '1000',
        payee: 'creditor',
      },
      { row_type: 'event', event_type: 'completed', date: '2018-02-03' },
    ])
    assert.deepEqual(ok.errors, [])
    assert.equal(ok.plan!.status, 'completed')
    assert.deepEqual(
      run([
        { row_type: 'money', kind: 'paid_out', date: '2018-02-02', amount: '1', payee: 'creditor' },
      ]).errors,
      ['cases.errors.beyond_held']
    )
  })

  test('history is applied in date order; a terminal event is final; an officer of another unit is refused', ({
    assert,
  }) => {
    const late = run([
      { row_type: 'event', event_type: 'resume', date: '2018-03-01' },
      {
        row_type: 'event',
        event_type: 'no_conditions',
        date: '2018-02-01',
        legal_ground: '44a.1.a',
      },
    ])
    assert.deepEqual(late.errors, [])
    assert.equal(late.plan!.status, 'in_progress')
    assert.deepEqual(
      run([
        { row_type: 'event', event_type: 'terminated', date: '2018-02-01', legal_ground: '50.1.a' },
        {
          row_type: 'money',
          kind: 'collected',
          date: '2018-03-01',
          amount: '1',
          receipt_number: 'R',
        },
      ]).errors,
      ['cases.errors.case_closed']
    )
    const other = run([
      { row_type: 'event', event_type: 'handover', date: '2018-02-01', officer_email: 'c@x.vn' },
    ])
    assert.deepEqual(other.errors, ['imports.errors.officer_other_unit'])
    assert.deepEqual(other.lines, [5])
    const handed = run([
      { row_type: 'event', event_type: 'handover', date: '2018-02-01', officer_email: 'b@x.vn' },
    ])
    assert.deepEqual(
      handed.plan!.assignments.map((a) => [a.officerId, a.from, a.to]),
      [
        [100, '2018-01-02', '2018-02-01'],
        [101, '2018-02-01', null],
      ]
    )
  })

  test('withdrawal goes to the parent province; amounts are integer VND; the hash ignores position', ({
    assert,
  }) => {
    assert.deepEqual(
      run([
        { row_type: 'event', event_type: 'withdrawn', date: '2018-02-01', target_unit_code: 'D2' },
      ]).errors,
      ['imports.errors.withdraw_target']
    )
    const w = run([{ row_type: 'event', event_type: 'withdrawn', date: '2018-02-01' }])
    assert.equal(w.plan!.events[2].targetUnitId, 2)
    assert.equal(parseAmount('1.000.000'), 1_000_000)
    assert.equal(parseAmount('12,5'), 'bad')
    assert.equal(parseAmount(''), null)
    assert.equal(recordHash(record([])), recordHash(record([])))
    assert.notEqual(recordHash(record([])), recordHash(record([], '2000')))
  })
})
