import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { ProposeOrder, SignOrder, ExecuteOrder } from '#warehouse'
import { auditRows } from '#tests/helpers/audit'
import {
  exhibitRow,
  move,
  movementCount,
  newExhibit,
  pinClock,
  postForm,
  TODAY,
  warehouseStaff,
} from './_setup.js'

/** The flash error a refused form leaves in the session (the page shows it to the user). */
function flashError(response: any): string {
  return String(response.flashMessages()?.error ?? '')
}

test.group(
  'Warehouse: bad input is refused with a clear message, nothing stored half-way',
  (group) => {
    pinClock(group)

    test('the keeper cannot move without an order signed by the head', async ({
      client,
      assert,
    }) => {
      const s = await warehouseStaff()
      const e = await newExhibit(s.keeper)
      const order = await new ProposeOrder().handle(s.keeper, e.id, {
        kind: 'intake',
        quantity: 10,
        reason: 'Nhập',
      })
      const r = await postForm(client, `/warehouse/orders/${order.id}/execute`, s.keeper, {
        document_number: 'BB-1',
        movement_date: TODAY,
        location_kind: 'warehouse',
        location: 'Khu A',
      })
      r.assertStatus(302)
      assert.equal(flashError(r), 'Chưa có lệnh được Thủ trưởng ký: không thể xuất, nhập kho.')
      assert.equal(await movementCount(e.id), 0)
      const row = await exhibitRow(e.id)
      assert.equal(row.status, 'awaiting')
      assert.equal(Number(row.quantity_held), 0)
      assert.equal(
        (await db.from('warehouse_orders').where('id', order.id).first()).status,
        'proposed'
      )
      // The keeper cannot sign its own proposal either.
      ;(await postForm(client, `/warehouse/orders/${order.id}/sign`, s.keeper)).assertStatus(403)
      assert.isAbove((await auditRows({ action: 'access.denied', actorId: s.keeper.id })).length, 0)
    })

    test('an order executes once: a second request is refused', async ({ client, assert }) => {
      const s = await warehouseStaff()
      const e = await newExhibit(s.keeper)
      const order = await new ProposeOrder().handle(s.keeper, e.id, {
        kind: 'intake',
        quantity: 10,
        reason: 'Nhập',
      })
      await new SignOrder().handle(s.head, order.id)
      const form = {
        document_number: 'BB-1',
        movement_date: TODAY,
        location_kind: 'warehouse',
        location: 'A',
      }
      ;(
        await postForm(client, `/warehouse/orders/${order.id}/execute`, s.keeper, form)
      ).assertStatus(302)
      const again = await postForm(client, `/warehouse/orders/${order.id}/execute`, s.keeper, form)
      assert.equal(flashError(again), 'Lệnh này đã được thực hiện; mỗi lệnh chỉ thực hiện một lần.')
      assert.equal(await movementCount(e.id), 1)
      assert.equal(Number((await exhibitRow(e.id)).quantity_held), 10)
    })

    test('an order executes once even under two parallel requests', async ({ client, assert }) => {
      const s = await warehouseStaff()
      const e = await newExhibit(s.keeper)
      await move(s, e.id, 'intake', 10)
      const order = await new ProposeOrder().handle(s.keeper, e.id, {
        kind: 'return_owner',
        quantity: 7,
        reason: 'Trả lại chủ sở hữu',
      })
      await new SignOrder().handle(s.head, order.id)
      const form = { document_number: 'BB-2', movement_date: TODAY, received_by: 'Chủ sở hữu' }
      const responses = await Promise.all([
        postForm(client, `/warehouse/orders/${order.id}/execute`, s.keeper, form),
        postForm(client, `/warehouse/orders/${order.id}/execute`, s.keeper, form),
        new ExecuteOrder()
          .handle(s.keeper, order.id, {
            documentNumber: 'BB-3',
            movementDate: TODAY,
            receivedBy: 'X',
          })
          .then(() => 'ok')
          .catch((err) => err.key),
      ])
      const errors = responses.slice(0, 2).map(flashError).filter(Boolean)
      const direct = responses[2]
      assert.equal(
        errors.length + (direct === 'ok' ? 0 : 1),
        2,
        'exactly one of three executions passes'
      )
      assert.equal(
        Number(
          (await db.from('warehouse_movements').where('order_id', order.id).count('* as n').first())
            .n
        ),
        1
      )
      assert.equal(Number((await exhibitRow(e.id)).quantity_held), 3)
      assert.lengthOf(
        await auditRows({ action: 'warehouse.order_executed', subjectId: order.id }),
        1
      )
    })

    test('two signed orders that together exceed what is held: the second is refused on execution', async ({
      assert,
    }) => {
      const s = await warehouseStaff()
      const e = await newExhibit(s.keeper)
      await move(s, e.id, 'intake', 10)
      const a = await new ProposeOrder().handle(s.keeper, e.id, {
        kind: 'to_finance',
        quantity: 6,
        reason: 'Nộp',
      })
      const b = await new ProposeOrder().handle(s.keeper, e.id, {
        kind: 'auction',
        quantity: 6,
        reason: 'Bán',
      })
      await new SignOrder().handle(s.head, a.id)
      await new SignOrder().handle(s.head, b.id)
      const input = { documentNumber: 'BB', movementDate: TODAY, receivedBy: 'X' }
      const results = await Promise.allSettled([
        new ExecuteOrder().handle(s.keeper, a.id, input),
        new ExecuteOrder().handle(s.keeper, b.id, input),
      ])
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected'])
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
      assert.equal(refused.reason.key, 'warehouse.errors.more_than_held')
      // The refused execution rolled back whole: its order is still signed, waiting for a new decision.
      const statuses = await db
        .from('warehouse_orders')
        .whereIn('id', [a.id, b.id])
        .select('status')
      assert.deepEqual(statuses.map((o: any) => o.status).sort(), ['executed', 'signed'])
      assert.equal(Number((await exhibitRow(e.id)).quantity_held), 4)
      assert.equal(await movementCount(e.id), 2) // intake + one outflow
    })

    test('moving more than is held is refused when proposing', async ({ client, assert }) => {
      const s = await warehouseStaff()
      const e = await newExhibit(s.keeper)
      await move(s, e.id, 'intake', 4)
      const r = await postForm(client, `/warehouse/exhibits/${e.id}/orders`, s.keeper, {
        kind: 'return_owner',
        quantity: '5',
        reason: 'Trả lại',
      })
      assert.equal(
        flashError(r),
        'Không thể xuất nhiều hơn số lượng đang giữ trong kho (đang giữ 4).'
      )
      assert.equal(
        Number(
          (await db.from('warehouse_orders').where('exhibit_id', e.id).count('* as n').first()).n
        ),
        1
      )
      // An intake beyond the seizure record is refused too.
      const over = await postForm(client, `/warehouse/exhibits/${e.id}/orders`, s.keeper, {
        kind: 'intake',
        quantity: '7',
        reason: 'Nhập thêm',
      })
      assert.include(flashError(over), 'vượt quá số còn lại theo biên bản thu giữ (còn 6)')
    })

    test('a destruction without its council is refused; nothing moves', async ({
      client,
      assert,
    }) => {
      const s = await warehouseStaff()
      const e = await newExhibit(s.keeper, { category: 'dangerous' })
      await move(s, e.id, 'intake', 10)
      const order = await new ProposeOrder().handle(s.keeper, e.id, {
        kind: 'destruction',
        quantity: 10,
        reason: 'Tiêu hủy',
      })
      await new SignOrder().handle(s.head, order.id)
      for (const members of ['', 'Chỉ một người\nHai người']) {
        const r = await postForm(client, `/warehouse/orders/${order.id}/execute`, s.keeper, {
          document_number: 'BB-TH',
          movement_date: TODAY,
          members,
        })
        assert.equal(flashError(r), 'Tiêu hủy phải có hội đồng tiêu hủy với ít nhất 3 thành viên.')
      }
      assert.equal(await movementCount(e.id), 1)
      assert.equal(
        (await db.from('warehouse_orders').where('id', order.id).first()).status,
        'signed'
      )
      assert.equal(Number((await exhibitRow(e.id)).quantity_held), 10)
    })

    test('returning a temporary extraction that was never made is refused', async ({
      client,
      assert,
    }) => {
      const s = await warehouseStaff()
      const e = await newExhibit(s.keeper)
      await move(s, e.id, 'intake', 10)
      const r = await postForm(client, `/warehouse/exhibits/${e.id}/orders`, s.keeper, {
        kind: 'extraction_return',
        quantity: '1',
        reason: 'Nhập lại',
      })
      assert.equal(flashError(r), 'Vật chứng này chưa có lần xuất tạm thời nào để nhập lại.')
      await move(s, e.id, 'extraction', 2, { receivedBy: 'Tòa án' })
      const tooMany = await postForm(client, `/warehouse/exhibits/${e.id}/orders`, s.keeper, {
        kind: 'extraction_return',
        quantity: '3',
        reason: 'Nhập lại',
      })
      assert.include(flashError(tooMany), 'vượt quá số đang xuất tạm thời (2)')
    })

    test('form errors keep what was typed and show Vietnamese messages by the field', async ({
      client,
      assert,
    }) => {
      const s = await warehouseStaff()
      const r = await postForm(client, '/warehouse/exhibits', s.keeper, {
        category: 'goods',
        description: 'Tivi',
        measure: 'chiếc',
        declared_quantity: '0',
        source_body: 'Công an',
        seizure_record: '',
        location_kind: 'warehouse',
      })
      r.assertStatus(302)
      const errors = r.flashMessages()?.errors ?? r.flashMessages()?.inputErrorsBag ?? {}
      const text = JSON.stringify(errors)
      assert.include(text, 'Số lượng theo biên bản')
      assert.include(text, 'Biên bản thu giữ, chuyển giao')
      assert.equal(r.flashMessages()?.description, 'Tivi')
      assert.equal(
        Number(
          (await db.from('exhibits').where('created_by_id', s.keeper.id).count('* as n').first()).n
        ),
        0
      )
    })
    test('a movement or a count dated in a closed month is refused by the period lock', async ({
      client,
      assert,
    }) => {
      const s = await warehouseStaff()
      const e = await newExhibit(s.keeper)
      setToday('2026-09-15')
      let orderId = 0
      try {
        const order = await new ProposeOrder().handle(s.keeper, e.id, {
          kind: 'intake',
          quantity: 10,
          reason: 'Nhập',
        })
        await new SignOrder().handle(s.head, order.id)
        orderId = order.id
      } finally {
        setToday(TODAY)
      }
      const form = { document_number: 'BB-9', location_kind: 'warehouse', location: 'Khu A' }
      const r = await postForm(client, `/warehouse/orders/${orderId}/execute`, s.keeper, {
        ...form,
        movement_date: '2026-09-15',
      })
      assert.include(flashError(r), 'Tháng này đã khóa sổ')
      assert.equal(await movementCount(e.id), 0)
      assert.equal(
        (await db.from('warehouse_orders').where('id', orderId).first()).status,
        'signed'
      )
      // The same order executed today passes.
      ;(
        await postForm(client, `/warehouse/orders/${orderId}/execute`, s.keeper, {
          ...form,
          movement_date: TODAY,
        })
      ).assertStatus(302)
      assert.equal(await movementCount(e.id), 1)
      const st = await postForm(client, '/warehouse/stocktakes', s.keeper, {
        kind: 'quarterly',
        count_date: '2026-09-30',
        [`counted_${e.id}`]: '10',
      })
      assert.include(flashError(st), 'Tháng này đã khóa sổ')
      assert.lengthOf(await db.from('stocktakes').where('created_by_id', s.keeper.id), 0)
    })
  }
)
