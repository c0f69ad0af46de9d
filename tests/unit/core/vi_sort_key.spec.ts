import { test } from '@japa/runner'
import { compareVi, sortVi, viSortKey } from '#core'

const NAMES = [
  'Bắc Từ Liêm',
  'Ba Đình',
  'Bà Rịa',
  'Bá Thước',
  'An Giang',
  'Ân Thi',
  'Âu Cơ',
  'Đống Đa',
  'Dương Minh',
  'Duy Tiên',
  'Ô Môn',
  'Ơn Phúc',
  'Ong Văn Tám',
  'Ưng Hòa',
  'Uông Bí',
  'Nguyễn Văn An',
  'Nguyễn Văn',
  'Nguyễn Vân',
  'Nguyễn văn an',
  'Hoàng Mai 2',
  'Hoàng Mai 10',
  'Lê Thị Hồng',
  'Le Thi Hong',
]

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

test.group('viSortKey (stored Vietnamese collation key)', () => {
  test('ordering the keys as bytes gives the same order as compareVi', ({ assert }) => {
    const expected = sortVi(NAMES, (n) => n).map((n) => viSortKey(n))
    const actual = [...NAMES].map((n) => viSortKey(n)).sort(byteOrder)
    assert.deepEqual(actual, expected)
    // pairwise, the sign agrees whenever the names differ in letters or tones (not only in case)
    for (const a of NAMES)
      for (const b of NAMES) {
        if (viSortKey(a) === viSortKey(b)) continue
        assert.equal(
          Math.sign(byteOrder(viSortKey(a), viSortKey(b))),
          compareVi(a, b),
          `${a} / ${b}`
        )
      }
  })

  test('the official examples: Ba Đình before Bắc Từ Liêm, d before đ, o ô ơ, u ư, tones second', ({
    assert,
  }) => {
    const k = viSortKey
    assert.isTrue(k('Ba Đình') < k('Bắc Từ Liêm'))
    assert.isTrue(k('Dương') < k('Đào'))
    assert.isTrue(k('Ong') < k('Ông'))
    assert.isTrue(k('Ông') < k('Ơn'))
    assert.isTrue(k('Uông') < k('Ưng'))
    assert.isTrue(k('Ba') < k('Bà'))
    assert.isTrue(k('Bà') < k('Bá'))
    assert.isTrue(k('Nguyễn Văn') < k('Nguyễn Văn An'))
  })

  test('only digits and lower-case a-z (same order under utf8mb4_unicode_ci), case and NFD give one key', ({
    assert,
  }) => {
    for (const n of NAMES) assert.match(viSortKey(n), /^[0-9a-z]+$/)
    assert.equal(viSortKey('NGUYỄN VĂN AN'), viSortKey('Nguyễn Văn An'))
    assert.equal(viSortKey('Lê Thị Hồng'.normalize('NFD')), viSortKey('Lê Thị Hồng'))
    assert.equal(viSortKey('  Lê   Thị Hồng '), viSortKey('Lê Thị Hồng'))
    assert.isAtMost(viSortKey('Nguyễn '.repeat(60)).length, 255)
    assert.equal(viSortKey(null), '0')
  })
})
