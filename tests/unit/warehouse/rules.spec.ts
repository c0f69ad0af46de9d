import { test } from '@japa/runner'
import {
  applyMovement,
  monthBefore,
  nextStocktake,
  parseMembers,
  quarterEnd,
  statusAfter,
  yearBefore,
  type OrderKind,
} from '#warehouse/rules'

const Q = (held: number, out = 0, received = held + out, declared = 10) => ({
  declared,
  held,
  out,
  received,
})

test.group('Warehouse rules: quantities', () => {
  test('partial intakes add up to the seizure record, never beyond', ({ assert }) => {
    let q = Q(0, 0, 0)
    for (const part of [3, 4, 3]) {
      const next = applyMovement(q, 'intake', part)
      assert.notProperty(next, 'error')
      const r = next as { held: number; out: number }
      q = { ...q, held: r.held, received: q.received + part }
    }
    assert.equal(q.held, 10)
    assert.deepEqual(applyMovement(q, 'intake', 1), {
      error: 'warehouse.errors.intake_too_much',
      data: { left: 0 },
    })
  })

  test('every outflow takes from what is held; more than held is refused', ({ assert }) => {
    for (const kind of ['return_owner', 'to_finance', 'destruction', 'auction'] as OrderKind[]) {
      assert.deepEqual(applyMovement(Q(5), kind, 2), { held: 3, out: 0 }, kind)
      assert.deepEqual(applyMovement(Q(5), kind, 6), {
        error: 'warehouse.errors.more_than_held',
        data: { held: 5 },
      })
    }
    assert.deepEqual(applyMovement(Q(5), 'auction', 0), { error: 'warehouse.errors.quantity' })
    assert.deepEqual(applyMovement(Q(5), 'auction', 1.5), { error: 'warehouse.errors.quantity' })
  })

  test('a temporary extraction moves held → out, and only what is out can return', ({ assert }) => {
    assert.deepEqual(applyMovement(Q(5), 'extraction', 2), { held: 3, out: 2 })
    assert.deepEqual(applyMovement(Q(3, 2), 'extraction_return', 2), { held: 5, out: 0 })
    assert.deepEqual(applyMovement(Q(3, 2), 'extraction_return', 3), {
      error: 'warehouse.errors.return_too_much',
      data: { out: 2 },
    })
    assert.deepEqual(applyMovement(Q(5), 'extraction_return', 1), {
      error: 'warehouse.errors.nothing_extracted',
    })
  })

  test('a transfer moves the whole item; the item closes when nothing is held or out', ({
    assert,
  }) => {
    assert.deepEqual(applyMovement(Q(5), 'transfer', 5), { held: 5, out: 0 })
    assert.property(applyMovement(Q(5), 'transfer', 4), 'error')
    assert.equal(statusAfter(0, 0), 'closed')
    assert.equal(statusAfter(0, 1), 'in_custody')
    assert.equal(statusAfter(1, 0), 'in_custody')
  })
})

test.group('Warehouse rules: calendar and council', () => {
  test('stock-takes fall at quarter ends: half-year in June, yearly in December', ({ assert }) => {
    assert.equal(quarterEnd('2026-02-14'), '2026-03-31')
    assert.equal(quarterEnd('2026-11-20'), '2026-12-31')
    assert.deepEqual(nextStocktake('2026-05-02', null), { day: '2026-06-30', kind: 'half_year' })
    assert.deepEqual(nextStocktake('2026-11-20', '2026-09-30'), {
      day: '2026-12-31',
      kind: 'yearly',
    })
    // Done within the current quarter: the next one is the following quarter end.
    assert.deepEqual(nextStocktake('2026-11-20', '2026-11-18'), {
      day: '2027-03-31',
      kind: 'quarterly',
    })
  })

  test('a month and a year before, clamped to real days', ({ assert }) => {
    assert.equal(monthBefore('2026-03-31'), '2026-02-28')
    assert.equal(monthBefore('2026-01-15'), '2025-12-15')
    assert.equal(yearBefore('2028-02-29'), '2027-02-28')
    assert.equal(yearBefore('2026-11-20'), '2025-11-20')
  })

  test('council members: one per line or separated by semicolons, blanks and repeats dropped', ({
    assert,
  }) => {
    assert.deepEqual(parseMembers(' An \n\nBình; Cường\nAn '), ['An', 'Bình', 'Cường'])
    assert.deepEqual(parseMembers(''), [])
    assert.deepEqual(parseMembers(null), [])
  })
})
