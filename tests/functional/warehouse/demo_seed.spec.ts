import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { seedDemoAccounts } from '#database/seeders/demo_accounts'
import { seedDemoCases } from '#database/seeders/demo_cases'
import { seedDemoWarehouse } from '#database/seeders/demo_warehouse'
import { CATEGORIES, ORDER_KINDS } from '#warehouse'
import { pinClock, TODAY } from './_setup.js'

test.group('Demo warehouse of the practice instance', (group) => {
  pinClock(group)

  test('every category, cases linked, every movement kind, a stock-take with a difference, orders waiting', async ({
    assert,
  }) => {
    await seedDemoAccounts()
    await seedDemoCases({ cases: 60, seed: 8, end: TODAY, restoreToday: TODAY, force: true })
    const stats = await seedDemoWarehouse({ end: TODAY, restoreToday: TODAY, force: true })
    assert.isNotNull(stats)
    const keeper = await db
      .from('users')
      .where('email', 'warehouse.badinh@thads.demo')
      .firstOrFail()
    const items = db.from('exhibits').where('unit_id', keeper.unit_id)
    const categories = (await items.clone().distinct('category')).map((r: any) => r.category)
    for (const c of CATEGORIES) assert.include(categories, c)
    assert.isAbove(
      Number((await items.clone().whereNotNull('case_id').count('* as n').first()).n),
      0
    )
    const kinds = (
      await db.from('warehouse_movements').where('unit_id', keeper.unit_id).distinct('kind')
    ).map((r: any) => r.kind)
    for (const k of ORDER_KINDS) assert.include(kinds, k)
    assert.include(kinds, 'stocktake_adjustment')
    const st = await db.from('stocktakes').where('unit_id', keeper.unit_id).firstOrFail()
    assert.equal(st.status, 'approved')
    assert.equal(Number(st.differences), 1)
    const waiting = await db
      .from('warehouse_orders')
      .where('unit_id', keeper.unit_id)
      .whereIn('status', ['proposed', 'signed'])
    assert.deepEqual(waiting.map((o: any) => o.status).sort(), ['proposed', 'signed'])
    // The history is what the actions write: one audit row per executed order.
    const executed = Number(
      (
        await db
          .from('warehouse_orders')
          .where('unit_id', keeper.unit_id)
          .where('status', 'executed')
          .count('* as n')
          .first()
      ).n
    )
    const audited = Number(
      (
        await db
          .from('audit_events')
          .where('action', 'warehouse.order_executed')
          .where('unit_id', keeper.unit_id)
          .count('* as n')
          .first()
      ).n
    )
    assert.equal(audited, executed)
    // Seeding again does nothing.
    assert.isNull(await seedDemoWarehouse({ end: TODAY, restoreToday: TODAY }))
  }).timeout(300_000)
})
