/**
 * The pure parts of submissions: working-day deadlines per level (SPEC §4: officer 1, unit 2, province 4 after
 * the period's end, over the holiday calendar), the canonical JSON and hash, and the cell-by-cell diff.
 */
import { test } from '@japa/runner'
import { canonicalJson, deadlineFor, diffForms, snapshotHash } from '#periods'
import type { ComputedForm } from '#reporting'

function form(
  rows: [number, Record<string, number | null>][],
  officerId: number | null = null
): ComputedForm {
  return {
    form: {
      id: 'form-06-cases',
      version: '1.0.0',
      title: { vi: 'Biểu 06', en: 'Form 06' },
      legalBasis: null,
      source: 'cases',
    },
    unit: { id: 1, code: 'X', name: 'X', level: 'district' },
    period: { year: 2025, n: 6, start: '2024-10-01', end: '2025-03-31' },
    layout: 'officer',
    officerId,
    columns: [
      { key: 'c8', no: 8, label: { vi: 'Thi hành xong', en: 'Completed' }, unit: 'cases' },
      { key: 'c11', no: 11, label: { vi: 'Đang thi hành', en: 'In progress' }, unit: 'cases' },
    ],
    rows: rows.map(([key, values]) => ({
      key,
      kind: key === -1 ? 'total' : 'officer',
      label: { vi: `Hàng ${key}`, en: `Row ${key}` },
      values,
    })),
    rules: [],
    computedAt: '2025-04-01T00:00:00.000Z',
  }
}

test.group('Submissions: deadlines', () => {
  test('period 7 of 2025 ends on 30/04 (a holiday): 1/5, 2/5 and the weekend do not count', async ({
    assert,
  }) => {
    assert.equal(await deadlineFor('officer', 2025, 7), '2025-05-05')
    assert.equal(await deadlineFor('unit', 2025, 7), '2025-05-06')
    assert.equal(await deadlineFor('province', 2025, 7), '2025-05-08')
  })

  test('period 5 of 2025 ends on Friday 28/02: the weekend is skipped', async ({ assert }) => {
    assert.equal(await deadlineFor('officer', 2025, 5), '2025-03-03')
    assert.equal(await deadlineFor('unit', 2025, 5), '2025-03-04')
    assert.equal(await deadlineFor('province', 2025, 5), '2025-03-06')
  })

  test('period 3 of 2025 ends on 31/12: New Year’s Day is skipped', async ({ assert }) => {
    assert.equal(await deadlineFor('officer', 2025, 3), '2025-01-02')
  })
})

test.group('Submissions: snapshot text and diff', () => {
  test('canonical JSON sorts keys at every depth, so equal forms hash alike', ({ assert }) => {
    const a = canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })
    assert.equal(a, '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}')
    assert.equal(
      snapshotHash(a),
      snapshotHash(canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }))
    )
    assert.lengthOf(snapshotHash(a), 64)
  })

  test('the diff lists changed cells by row and column, including rows that appeared', ({
    assert,
  }) => {
    const before = form([
      [7, { c8: 0, c11: 1 }],
      [-1, { c8: 0, c11: 1 }],
    ])
    const after = form([
      [7, { c8: 1, c11: 0 }],
      [9, { c8: 0, c11: 1 }],
      [-1, { c8: 1, c11: 1 }],
    ])
    const changes = diffForms(before, after)
    assert.deepEqual(
      changes.map((c) => [c.row, c.column, c.before, c.after]),
      [
        [7, 'c8', 0, 1],
        [7, 'c11', 1, 0],
        [-1, 'c8', 0, 1],
        [9, 'c8', null, 0],
        [9, 'c11', null, 1],
      ]
    )
    assert.deepEqual(diffForms(before, before), [])
  })

  test("an officer's own row is compared alone", ({ assert }) => {
    const mine = form([[7, { c8: 0, c11: 1 }]], 7)
    const now = form(
      [
        [7, { c8: 0, c11: 1 }],
        [9, { c8: 5, c11: 5 }],
      ],
      null
    )
    assert.deepEqual(diffForms(mine, now), [])
  })
})
