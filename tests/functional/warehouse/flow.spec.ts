import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { auditRows } from '#tests/helpers/audit'
import {
  acceptedCase,
  day,
  exhibitRow,
  getAs,
  move,
  movementCount,
  newExhibit,
  pinClock,
  postForm,
  TODAY,
  warehouseStaff,
} from './_setup.js'

test.group('Warehouse: every movement end to end over HTTP', (group) => {
  pinClock(group)

  test('officer registers and proposes intake, head signs, keeper executes: 4-copy record, history, audit', async ({
    client,
    assert,
  }) => {
    const { c, officer, head } = await acceptedCase()
    const s = await warehouseStaff()
    // The officer registers the item of its own case.
    const reg = await postForm(client, '/warehouse/exhibits', officer, {
      category: 'vehicle',
      description: 'Xe máy Honda Wave biển số 29X1-123.45',
      measure: 'chiếc',
      declared_quantity: '1',
      seal_number: 'NP-77',
      source_body: 'Công an quận Ba Đình',
      seizure_record: 'BB số 5/BB-CA',
      seized_on: day(1),
      case_id: String(c.id),
      location_kind: 'warehouse',
    })
    reg.assertStatus(302)
    const e = await db.from('exhibits').where('case_id', c.id).firstOrFail()
    assert.equal(e.status, 'awaiting')
    assert.equal(Number(e.judgment_id), c.judgmentId)
    assert.lengthOf(await auditRows({ action: 'warehouse.exhibit_registered', subjectId: e.id }), 1)

    ;(
      await postForm(client, `/warehouse/exhibits/${e.id}/orders`, officer, {
        kind: 'intake',
        quantity: '1',
        reason: 'Nhập kho theo quyết định chuyển giao',
      })
    ).assertStatus(302)
    const order = await db.from('warehouse_orders').where('exhibit_id', e.id).firstOrFail()
    assert.equal(order.status, 'proposed')

    ;(
      await postForm(client, `/warehouse/orders/${order.id}/sign`, head, { order_number: '12/LNK' })
    ).assertStatus(302)
    const signed = await db.from('warehouse_orders').where('id', order.id).first()
    assert.equal(signed.status, 'signed')
    assert.equal(signed.order_number, '12/LNK')
    assert.equal(Number(signed.signed_by_id), head.id)

    // The keeper of the case's unit (Ba Đình) executes.
    const keeper = s.keeper
    ;(
      await postForm(client, `/warehouse/orders/${order.id}/execute`, keeper, {
        document_number: 'BBGN-01',
        movement_date: TODAY,
        handed_by: 'Điều tra viên Lê Văn A',
        received_by: keeper.fullName,
        location_kind: 'warehouse',
        location: 'Khu B, ô 3',
      })
    ).assertStatus(302)
    const after = await exhibitRow(e.id)
    assert.equal(after.status, 'in_custody')
    assert.equal(Number(after.quantity_held), 1)
    assert.equal(after.received_on, TODAY)
    assert.equal(after.location, 'Khu B, ô 3')
    const m = await db.from('warehouse_movements').where('order_id', order.id).firstOrFail()
    assert.equal(m.kind, 'intake')
    assert.equal(Number(m.copies), 4)
    assert.equal(m.document_number, 'BBGN-01')
    assert.lengthOf(await auditRows({ action: 'warehouse.order_executed', subjectId: order.id }), 1)

    const page = await getAs(client, `/warehouse/exhibits/${e.id}`, officer)
    page.assertStatus(200)
    page.assertTextIncludes('BBGN-01')
    page.assertTextIncludes('Điều tra viên Lê Văn A')
    page.assertTextIncludes('12/LNK')
    const record = await getAs(client, `/warehouse/orders/${order.id}?print=1`, keeper)
    record.assertStatus(200)
    record.assertTextIncludes('Biên bản được lập thành 4 bản')
    const card = await getAs(client, `/warehouse/cases/${c.id}/card`, head)
    card.assertStatus(200)
    card.assertTextIncludes('BBGN-01')
  })

  test('partial outflows add up: return, finance, auction, destruction; the item closes at zero', async ({
    client,
    assert,
  }) => {
    const s = await warehouseStaff()
    const e = await newExhibit(s.keeper, { declaredQuantity: 10 })
    await move(s, e.id, 'intake', 6)
    await move(s, e.id, 'intake', 4) // a second, partial intake up to the declared quantity
    assert.equal(Number((await exhibitRow(e.id)).quantity_held), 10)

    const steps: [string, number, Record<string, string>][] = [
      ['return_owner', 3, { received_by: 'Chủ sở hữu Phạm Văn B' }],
      ['to_finance', 2, { received_by: 'Phòng Tài chính quận' }],
      ['auction', 4, { received_by: 'Công ty đấu giá hợp danh X', proceeds: '12500000' }],
      [
        'destruction',
        1,
        { members: 'Chủ tịch Nguyễn A\nĐại diện Tài chính B\nĐại diện Công an C' },
      ],
    ]
    let held = 10
    for (const [kind, quantity, extra] of steps) {
      await postForm(client, `/warehouse/exhibits/${e.id}/orders`, s.keeper, {
        kind,
        quantity: String(quantity),
        reason: `Theo quyết định xử lý vật chứng (${kind})`,
      }).then((r) => r.assertStatus(302))
      const order = await db
        .from('warehouse_orders')
        .where('exhibit_id', e.id)
        .where('kind', kind)
        .firstOrFail()
      ;(await postForm(client, `/warehouse/orders/${order.id}/sign`, s.head)).assertStatus(302)
      ;(
        await postForm(client, `/warehouse/orders/${order.id}/execute`, s.keeper, {
          document_number: `BB-${kind}`,
          movement_date: TODAY,
          ...extra,
        })
      ).assertStatus(302)
      held -= quantity
      const row = await exhibitRow(e.id)
      assert.equal(Number(row.quantity_held), held, kind)
    }
    const row = await exhibitRow(e.id)
    assert.equal(row.status, 'closed')
    assert.equal(row.closed_on, TODAY)
    const moves = await db.from('warehouse_movements').where('exhibit_id', e.id).orderBy('id')
    const outflow = moves
      .filter((m) => m.kind !== 'intake')
      .reduce((a, m) => a + Number(m.quantity), 0)
    const inflow = moves
      .filter((m) => m.kind === 'intake')
      .reduce((a, m) => a + Number(m.quantity), 0)
    assert.equal(inflow - outflow, 0)
    const auction = moves.find((m) => m.kind === 'auction')
    assert.equal(Number(auction.proceeds), 12_500_000)
    const destruction = moves.find((m) => m.kind === 'destruction')
    assert.deepEqual(JSON.parse(destruction.members), [
      'Chủ tịch Nguyễn A',
      'Đại diện Tài chính B',
      'Đại diện Công an C',
    ])
    // Every movement of the chain is on the stock card, with its balance.
    const card = await getAs(client, `/warehouse/exhibits/${e.id}/card`, s.head)
    card.assertStatus(200)
    for (const [kind] of steps) card.assertTextIncludes(`BB-${kind}`)
  })

  test('temporary extraction and its return; transfer to custody outside the warehouse', async ({
    client,
    assert,
  }) => {
    const s = await warehouseStaff()
    const e = await newExhibit(s.keeper, { declaredQuantity: 5 })
    await move(s, e.id, 'intake', 5)
    await move(s, e.id, 'extraction', 2, { receivedBy: 'Tòa án nhân dân quận Ba Đình' })
    let row = await exhibitRow(e.id)
    assert.equal(Number(row.quantity_held), 3)
    assert.equal(Number(row.quantity_out), 2)
    await move(s, e.id, 'extraction_return', 2)
    row = await exhibitRow(e.id)
    assert.equal(Number(row.quantity_held), 5)
    assert.equal(Number(row.quantity_out), 0)

    await move(s, e.id, 'transfer', 5, {
      locationKind: 'outside',
      location: 'Bãi giữ xe phường Kim Mã',
      custodian: 'Ông Đỗ Văn Giữ',
    })
    row = await exhibitRow(e.id)
    assert.equal(row.location_kind, 'outside')
    assert.equal(row.custodian, 'Ông Đỗ Văn Giữ')
    const t = await db
      .from('warehouse_movements')
      .where('exhibit_id', e.id)
      .where('kind', 'transfer')
      .first()
    assert.include(t.location_before, 'Khu A, giá 1')
    assert.include(t.location_after, 'Bãi giữ xe phường Kim Mã')
    assert.equal(await movementCount(e.id), 4)
    const page = await getAs(client, `/warehouse/exhibits/${e.id}`, s.keeper)
    page.assertTextIncludes('Xuất tạm thời phục vụ tố tụng')
    page.assertTextIncludes('Nhập lại sau xuất tạm thời')
    page.assertTextIncludes('Điều chuyển nơi bảo quản')
  })

  test('the head refuses an order with a reason; it can then never be executed', async ({
    client,
    assert,
  }) => {
    const s = await warehouseStaff()
    const e = await newExhibit(s.keeper)
    await postForm(client, `/warehouse/exhibits/${e.id}/orders`, s.keeper, {
      kind: 'intake',
      quantity: '10',
      reason: 'Nhập kho',
    })
    const order = await db.from('warehouse_orders').where('exhibit_id', e.id).firstOrFail()
    const noReason = await postForm(client, `/warehouse/orders/${order.id}/refuse`, s.head, {
      reason: '',
    })
    noReason.assertStatus(302)
    assert.equal(
      (await db.from('warehouse_orders').where('id', order.id).first()).status,
      'proposed'
    )
    ;(
      await postForm(client, `/warehouse/orders/${order.id}/refuse`, s.head, {
        reason: 'Thiếu biên bản thu giữ bản gốc',
      })
    ).assertStatus(302)
    const refused = await db.from('warehouse_orders').where('id', order.id).first()
    assert.equal(refused.status, 'refused')
    assert.equal(refused.refusal_reason, 'Thiếu biên bản thu giữ bản gốc')
    assert.lengthOf(await auditRows({ action: 'warehouse.order_refused', subjectId: order.id }), 1)
    await postForm(client, `/warehouse/orders/${order.id}/execute`, s.keeper, {
      document_number: 'X',
      movement_date: TODAY,
      location_kind: 'warehouse',
      location: 'A',
    })
    assert.equal(await movementCount(e.id), 0)
  })
})
