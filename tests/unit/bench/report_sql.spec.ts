/**
 * The SQL pieces the scale work changed in the report context: a unit subtree as a [path, path-with-'0') range,
 * and the per-unit row key as a binary search over the children's ranges — both checked against the plain
 * prefix definition ("the path starts with the child's path") in the database itself.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { childKeySql, pathRange } from '#reporting/services/context'

const rowsOf = (result: any): any[] => (Array.isArray(result[0]) ? result[0] : result)

test.group('Report SQL: unit subtrees', () => {
  test('a path range holds exactly the paths that start with the path', async ({ assert }) => {
    const paths = [
      '/1/',
      '/1/7/',
      '/1/7/42/',
      '/1/70/',
      '/1/71/3/',
      '/1/8/',
      '/10/',
      '/1/6/',
      '/1/69/',
    ]
    for (const path of ['/1/', '/1/7/', '/1/70/', '/1/7/42/']) {
      const [from, to] = pathRange(path)
      const union = paths.map((p) => `SELECT '${p}' AS p`).join(' UNION ALL ')
      const inRange = rowsOf(
        await db.rawQuery(`SELECT p FROM (${union}) x WHERE p >= ? AND p < ? ORDER BY p`, [
          from,
          to,
        ])
      ).map((r: any) => r.p)
      assert.deepEqual(inRange, paths.filter((p) => p.startsWith(path)).sort(), path)
    }
    assert.throws(() => pathRange("/1/' OR 1=1"))
  })

  test('the binary-search row key = the child whose path prefixes the case path, else the unit', async ({
    assert,
  }) => {
    const children = [3, 4, 12, 25, 26, 27, 30, 31, 40, 99]
      .map((id) => ({ id, path: `/1/${id}/` }))
      .reverse()
    const sql = childKeySql('x.p', children, 1)
    const cases = [
      '/1/',
      '/1/3/',
      '/1/3/77/',
      '/1/30/',
      '/1/31/5/',
      '/1/4/',
      '/1/40/',
      '/1/41/',
      '/1/99/100/',
      '/1/2/',
      '/1/250/',
      '/1/12/',
      '/1/25/8/',
    ]
    for (const path of cases) {
      const [row] = rowsOf(await db.rawQuery(`SELECT ${sql} AS k FROM (SELECT ? AS p) x`, [path]))
      const expected = children.find((c) => path.startsWith(c.path))?.id ?? 1
      assert.equal(Number(row.k), expected, path)
    }
    assert.equal(childKeySql('x.p', [], 9), '9')
  })
})
