import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { ProposeOrder, SignOrder } from '#warehouse'
import { makeUser, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import {
  acceptedCase,
  getAs,
  move,
  movementCount,
  newExhibit,
  pinClock,
  postForm,
  TODAY,
  warehouseStaff,
} from './_setup.js'

async function refused(userId: number, subjectType: string, subjectId?: number) {
  const rows = await auditRows({ action: 'access.denied', actorId: userId, outcome: 'refused' })
  return rows.some(
    (r) =>
      r.subject_type === subjectType &&
      (subjectId === undefined || r.subject_id === String(subjectId))
  )
}

test.group('Warehouse: roles and scope (403, audited)', (group) => {
  pinClock(group)

  test('a keeper of another unit can neither read nor move; its refusals are audited', async ({
    client,
    assert,
  }) => {
    const s = await warehouseStaff(UNITS.badinh)
    const e = await newExhibit(s.keeper)
    const order = await new ProposeOrder().handle(s.keeper, e.id, {
      kind: 'intake',
      quantity: 10,
      reason: 'Nhập',
    })
    await new SignOrder().handle(s.head, order.id)
    const other = await makeUser(UNITS.caugiay, ['warehouse_keeper'])

    ;(await getAs(client, `/warehouse/exhibits/${e.id}`, other)).assertStatus(403)
    assert.isTrue(await refused(other.id, 'exhibit', e.id))
    ;(
      await postForm(client, `/warehouse/orders/${order.id}/execute`, other, {
        document_number: 'X',
        movement_date: TODAY,
        location_kind: 'warehouse',
        location: 'A',
      })
    ).assertStatus(403)
    assert.isTrue(await refused(other.id, 'warehouse_order', order.id))
    ;(
      await postForm(client, `/warehouse/exhibits/${e.id}/orders`, other, {
        kind: 'return_owner',
        quantity: '1',
        reason: 'x',
      })
    ).assertStatus(403)
    assert.equal(await movementCount(e.id), 0)
    // Its list does not show the other unit's items.
    const list = await getAs(client, `/warehouse/exhibits?q=${e.code}`, other)
    list.assertStatus(200)
    assert.notInclude(list.text(), `data-exhibit="${e.id}"`)
  })

  test('a head of another unit cannot sign; the head of the unit cannot execute', async ({
    client,
    assert,
  }) => {
    const s = await warehouseStaff(UNITS.badinh)
    const e = await newExhibit(s.keeper)
    const order = await new ProposeOrder().handle(s.keeper, e.id, {
      kind: 'intake',
      quantity: 10,
      reason: 'Nhập',
    })
    const otherHead = await makeUser(UNITS.caugiay, ['head'])
    ;(await postForm(client, `/warehouse/orders/${order.id}/sign`, otherHead)).assertStatus(403)
    assert.isTrue(await refused(otherHead.id, 'warehouse_order', order.id))
    ;(
      await postForm(client, `/warehouse/orders/${order.id}/refuse`, otherHead, { reason: 'Không' })
    ).assertStatus(403)
    await new SignOrder().handle(s.head, order.id)
    ;(
      await postForm(client, `/warehouse/orders/${order.id}/execute`, s.head, {
        document_number: 'X',
        movement_date: TODAY,
        location_kind: 'warehouse',
        location: 'A',
      })
    ).assertStatus(403)
    assert.isTrue(await refused(s.head.id, 'warehouse_order', order.id))
    assert.equal((await db.from('warehouse_orders').where('id', order.id).first()).status, 'signed')
  })

  test('officers see and propose only for the items of their own cases', async ({
    client,
    assert,
  }) => {
    const { c, officer, head, clerk } = await acceptedCase()
    const s = await warehouseStaff(UNITS.badinh)
    const mine = await newExhibit(s.keeper, { caseId: c.id })
    const notMine = await newExhibit(s.keeper)
    await move({ keeper: s.keeper, head }, mine.id, 'intake', 10)

    const list = await getAs(client, '/warehouse/exhibits', officer)
    list.assertStatus(200)
    assert.include(list.text(), mine.code)
    assert.notInclude(list.text(), notMine.code)
    ;(await getAs(client, `/warehouse/exhibits/${mine.id}`, officer)).assertStatus(200)
    // The case page lists the case's items with its stock card; an intake clerk sees no warehouse panel.
    const casePage = await getAs(client, `/cases/${c.id}`, officer)
    casePage.assertStatus(200)
    assert.include(casePage.text(), mine.code)
    assert.include(casePage.text(), 'id="case-stock-card"')
    const clerkPage = await getAs(client, `/cases/${c.id}`, clerk)
    clerkPage.assertStatus(200)
    assert.notInclude(clerkPage.text(), 'id="case-exhibits"')
    ;(await getAs(client, `/warehouse/exhibits/${notMine.id}`, officer)).assertStatus(403)
    assert.isTrue(await refused(officer.id, 'exhibit', notMine.id))

    const proposed = await postForm(client, `/warehouse/exhibits/${mine.id}/orders`, officer, {
      kind: 'extraction',
      quantity: '1',
      reason: 'Phục vụ xét xử phúc thẩm',
    })
    proposed.assertStatus(302)
    const order = await db
      .from('warehouse_orders')
      .where('exhibit_id', mine.id)
      .where('kind', 'extraction')
      .firstOrFail()
    assert.equal(Number(order.proposed_by_id), officer.id)
    // An officer neither signs nor executes.
    ;(await postForm(client, `/warehouse/orders/${order.id}/sign`, officer)).assertStatus(403)
    assert.isTrue(await refused(officer.id, 'warehouse_order', order.id))
    // Another officer of the unit cannot propose on a case that is not its own.
    const other = await makeUser(UNITS.badinh, ['officer'])
    ;(
      await postForm(client, `/warehouse/exhibits/${mine.id}/orders`, other, {
        kind: 'extraction',
        quantity: '1',
        reason: 'x y z',
      })
    ).assertStatus(403)
    assert.isTrue(await refused(other.id, 'exhibit', mine.id))
  })

  test('the province reads its districts; inspectors read nationally; neither moves anything', async ({
    client,
    assert,
  }) => {
    const s = await warehouseStaff(UNITS.badinh)
    const e = await newExhibit(s.keeper)
    const provinceHead = await makeUser(UNITS.hanoi, ['head'])
    const otherProvince = await makeUser(UNITS.laocai, ['head'])
    const inspector = await makeUser(UNITS.national, ['inspector'])
    ;(await getAs(client, `/warehouse/exhibits/${e.id}`, provinceHead)).assertStatus(200)
    // The province's list offers its districts and filters by one of them.
    const list = await getAs(
      client,
      `/warehouse/exhibits?unit=${e.unitId}&q=${e.code}`,
      provinceHead
    )
    list.assertStatus(200)
    assert.include(list.text(), `data-exhibit="${e.id}"`)
    assert.include(list.text(), 'name="unit"')
    const otherDistrict = await getAs(
      client,
      `/warehouse/exhibits?unit=${(await db.from('units').where('code', UNITS.caugiay).first()).id}&q=${e.code}`,
      provinceHead
    )
    assert.notInclude(otherDistrict.text(), `data-exhibit="${e.id}"`)
    ;(await getAs(client, `/warehouse/exhibits/${e.id}`, inspector)).assertStatus(200)
    ;(await getAs(client, `/warehouse/exhibits/${e.id}`, otherProvince)).assertStatus(403)
    assert.isTrue(await refused(otherProvince.id, 'exhibit', e.id))
    const order = await new ProposeOrder().handle(s.keeper, e.id, {
      kind: 'intake',
      quantity: 10,
      reason: 'Nhập',
    })
    ;(await postForm(client, `/warehouse/orders/${order.id}/sign`, provinceHead)).assertStatus(403)
    ;(await postForm(client, `/warehouse/orders/${order.id}/sign`, inspector)).assertStatus(403)
    assert.isTrue(await refused(inspector.id, 'warehouse_order', order.id))
    ;(
      await postForm(client, '/warehouse/exhibits', inspector, {
        category: 'goods',
        description: 'abc',
        measure: 'c',
        declared_quantity: '1',
        source_body: 'xx',
        seizure_record: 'yy',
        location_kind: 'warehouse',
      })
    ).assertStatus(403)
    assert.isTrue(await refused(inspector.id, 'exhibit'))
  })

  test('roles without a warehouse role are refused the warehouse altogether', async ({
    client,
    assert,
  }) => {
    const clerk = await makeUser(UNITS.badinh, ['intake_clerk'])
    ;(await getAs(client, '/warehouse/exhibits', clerk)).assertStatus(403)
    assert.isTrue(await refused(clerk.id, 'exhibit_list'))
    const keeper = await makeUser(UNITS.badinh, ['warehouse_keeper'])
    ;(
      await postForm(client, '/warehouse/stocktakes', clerk, {
        kind: 'quarterly',
        count_date: TODAY,
      })
    ).assertStatus(403)
    assert.isTrue(await refused(clerk.id, 'stocktake'))
    // The keeper's menu shows the warehouse.
    const home = await getAs(client, '/', keeper)
    home.assertStatus(200)
    assert.include(home.text(), 'data-nav="warehouse.exhibits.index"')
    assert.include(home.text(), 'data-widget="warehouse.due"')
  })
})
