import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { auditRows } from '#tests/helpers/audit'
import {
  exhibitRow,
  getAs,
  move,
  newExhibit,
  pinClock,
  postForm,
  TODAY,
  warehouseStaff,
} from './_setup.js'

test.group('Warehouse: stock-takes, watch lists and the dashboard', (group) => {
  pinClock(group)

  test('a difference needs an explanation; once approved it enters the history and the held quantity', async ({
    client,
    assert,
  }) => {
    const s = await warehouseStaff((await makeProvinceTree(1)).districts[0].code)
    const a = await newExhibit(s.keeper, { declaredQuantity: 10 })
    const b = await newExhibit(s.keeper, { declaredQuantity: 3, description: 'Vàng miếng SJC' })
    await move(s, a.id, 'intake', 10)
    await move(s, b.id, 'intake', 3)

    const form = await getAs(client, '/warehouse/stocktakes/new?kind=quarterly', s.keeper)
    form.assertStatus(200)
    form.assertTextIncludes(a.code)

    const bad = await postForm(client, '/warehouse/stocktakes', s.keeper, {
      kind: 'quarterly',
      count_date: TODAY,
      [`counted_${a.id}`]: '9',
      [`explanation_${a.id}`]: '',
      [`counted_${b.id}`]: '3',
    })
    bad.assertStatus(302)
    assert.equal(
      bad.flashMessages()?.error,
      `Vật chứng ${a.code} có chênh lệch giữa số đếm và sổ: phải giải trình.`
    )
    assert.equal(
      Number(
        (await db.from('stocktakes').where('created_by_id', s.keeper.id).count('* as n').first()).n
      ),
      0
    )

    const missing = await postForm(client, '/warehouse/stocktakes', s.keeper, {
      kind: 'quarterly',
      count_date: TODAY,
      [`counted_${a.id}`]: '10',
    })
    assert.equal(
      missing.flashMessages()?.error,
      `Chưa nhập số đếm thực tế cho vật chứng ${b.code}.`
    )

    ;(
      await postForm(client, '/warehouse/stocktakes', s.keeper, {
        kind: 'quarterly',
        count_date: TODAY,
        members: 'Thủ kho\nKế toán',
        [`counted_${a.id}`]: '9',
        [`explanation_${a.id}`]: 'Một chiếc hỏng, đã lập biên bản',
        [`counted_${b.id}`]: '3',
      })
    ).assertStatus(302)
    const st = await db.from('stocktakes').where('created_by_id', s.keeper.id).firstOrFail()
    assert.equal(st.status, 'submitted')
    assert.equal(Number(st.differences), 1)
    // Nothing changes before the head approves; the keeper cannot approve.
    assert.equal(Number((await exhibitRow(a.id)).quantity_held), 10)
    ;(await postForm(client, `/warehouse/stocktakes/${st.id}/approve`, s.keeper)).assertStatus(403)

    ;(await postForm(client, `/warehouse/stocktakes/${st.id}/approve`, s.head)).assertStatus(302)
    const rowA = await exhibitRow(a.id)
    assert.equal(Number(rowA.quantity_held), 9)
    assert.equal(rowA.last_checked_on, TODAY)
    assert.equal((await exhibitRow(b.id)).last_checked_on, TODAY)
    const adj = await db.from('warehouse_movements').where('stocktake_id', st.id)
    assert.lengthOf(adj, 1)
    assert.equal(Number(adj[0].quantity), -1)
    assert.equal(adj[0].result, 'Một chiếc hỏng, đã lập biên bản')
    assert.lengthOf(
      await auditRows({ action: 'warehouse.stocktake_approved', subjectId: st.id }),
      1
    )
    const again = await postForm(client, `/warehouse/stocktakes/${st.id}/approve`, s.head)
    assert.equal(again.flashMessages()?.error, 'Biên bản kiểm kê này đã được duyệt.')
    assert.lengthOf(await db.from('warehouse_movements').where('stocktake_id', st.id), 1)

    const minutes = await getAs(client, `/warehouse/stocktakes/${st.id}?print=1`, s.head)
    minutes.assertStatus(200)
    minutes.assertTextIncludes('BIÊN BẢN KIỂM KÊ VẬT CHỨNG')
    minutes.assertTextIncludes('Một chiếc hỏng, đã lập biên bản')
    const page = await getAs(client, `/warehouse/exhibits/${a.id}`, s.keeper)
    page.assertTextIncludes('Điều chỉnh theo kiểm kê')
  })

  test("watch lists and the keeper's card: unprocessed ≥ 1 year, outside due monthly, perishable waiting", async ({
    client,
    assert,
  }) => {
    const s = await warehouseStaff((await makeProvinceTree(1)).districts[0].code)
    const old = await newExhibit(s.keeper, { description: 'Máy xúc cũ' })
    const outside = await newExhibit(s.keeper, { description: 'Ô tô tải', category: 'vehicle' })
    const fish = await newExhibit(s.keeper, { description: 'Cá khô', category: 'perishable' })
    await move(s, old.id, 'intake', 10)
    await move(s, outside.id, 'intake', 10, {
      locationKind: 'outside',
      location: 'Bãi xe Công an tỉnh',
      custodian: 'Ông Giữ',
    })
    await move(s, fish.id, 'intake', 10)
    await db.from('exhibits').where('id', old.id).update({ received_on: '2025-11-20' })

    const check = async (watch: string, expected: number[]) => {
      const r = await getAs(client, `/warehouse/exhibits?watch=${watch}`, s.keeper)
      r.assertStatus(200)
      for (const e of [old, outside, fish])
        if (expected.includes(e.id)) assert.include(r.text(), e.code, watch)
        else assert.notInclude(r.text(), e.code, watch)
    }
    await check('unprocessed', [old.id])
    await check('outside_due', [outside.id])
    await check('urgent', [fish.id])

    const pending = await newExhibit(s.keeper)
    const { ProposeOrder } = await import('#warehouse')
    await new ProposeOrder().handle(s.keeper, pending.id, {
      kind: 'intake',
      quantity: 10,
      reason: 'Nhập',
    })
    const home = await getAs(client, '/', s.head)
    home.assertStatus(200)
    const html = home.text()
    assert.match(html, /id="wh-to-sign">1</)
    assert.match(html, /id="wh-unprocessed">1</)
    assert.include(html, 'Kiểm kê năm')
    const keeperHome = await getAs(client, '/', s.keeper)
    assert.match(keeperHome.text(), /id="wh-outside-due">1</)

    // A monthly check of the items outside clears the "due" list once approved.
    ;(
      await postForm(client, '/warehouse/stocktakes', s.keeper, {
        kind: 'monthly_outside',
        count_date: TODAY,
        [`counted_${outside.id}`]: '10',
      })
    ).assertStatus(302)
    const st = await db.from('stocktakes').where('created_by_id', s.keeper.id).firstOrFail()
    const lines = await db.from('stocktake_lines').where('stocktake_id', st.id)
    assert.deepEqual(
      lines.map((l) => Number(l.exhibit_id)),
      [outside.id]
    )
    ;(await postForm(client, `/warehouse/stocktakes/${st.id}/approve`, s.head)).assertStatus(302)
    await check('outside_due', [])
  })
})
