/**
 * The audit viewer pages without an exact COUNT of the whole trail (issue 10): `boundedPage` counts at most
 * `cap` rows (or up to the page asked for), says when it stopped, and reads the page in the list's order.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { boundedPage } from '#core'

test.group('Bounded counts of page-numbered lists', () => {
  test('exact below the cap, capped above it, and the page rows are the ordered slice', async ({
    assert,
  }) => {
    const all = await db.from('audit_events').orderBy('id', 'desc').select('id').limit(20)
    if (all.length < 8)
      for (let i = all.length; i < 8; i++)
        await db.table('audit_events').insert({
          action: 'test.bounded',
          outcome: 'ok',
          occurred_at: new Date().toISOString().slice(0, 19).replace('T', ' '),
          unit_path: '/',
        })
    const ids = (await db.from('audit_events').orderBy('id', 'desc').select('id')).map((r) => r.id)
    const q = () => db.from('audit_events').orderBy('id', 'desc').select('id')
    const c = () => db.from('audit_events').select('id')

    const exact = await boundedPage<any>(q(), c(), 1, 3, ids.length + 5)
    assert.isFalse(exact.capped)
    assert.equal(exact.paginator.total, ids.length)
    assert.deepEqual(
      exact.rows.map((r) => r.id),
      ids.slice(0, 3)
    )

    const capped = await boundedPage<any>(q(), c(), 1, 3, 4)
    assert.isTrue(capped.capped)
    assert.equal(capped.paginator.total, 6)
    assert.equal(capped.paginator.lastPage, 2)

    // A page beyond the cap still has a next page while rows remain, and reads its own slice.
    const deep = await boundedPage<any>(q(), c(), 2, 3, 2)
    assert.deepEqual(
      deep.rows.map((r) => r.id),
      ids.slice(3, 6)
    )
    assert.isAtLeast(deep.paginator.lastPage, 2)
  })
})
