import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { CreateJudgment } from '#cases'
import { makeUser } from '#tests/helpers/factories'
import { day, getAs, move, newExhibit, pinClock, postForm, warehouseStaff } from './_setup.js'

test.group('Warehouse: the ledger list (filters, sort, paging, judgment or none)', (group) => {
  pinClock(group)

  test('items with a judgment or "no judgment yet"; filters by category, text, status; sort and pages', async ({
    client,
    assert,
  }) => {
    const code = (await makeProvinceTree(1)).districts[0].code
    const s = await warehouseStaff(code)
    const clerk = await makeUser(code, ['intake_clerk'])
    const judgment = await new CreateJudgment().handle(clerk, {
      number: `${Date.now() % 100000}/2026/HS-ST`,
      judgmentDate: day(0),
      court: 'TAND thử nghiệm',
      type: 'criminal',
      receivedOn: day(0),
    })
    ;(
      await postForm(client, '/warehouse/exhibits', s.keeper, {
        category: 'gold_gems',
        description: 'Lắc tay vàng 18K',
        measure: 'chiếc',
        declared_quantity: '2',
        source_body: 'Công an huyện',
        seizure_record: 'BB 1',
        judgment_id: String(judgment.id),
        location_kind: 'warehouse',
        location: 'Kho bạc Nhà nước',
      })
    ).assertStatus(302)
    const gold = await db.from('exhibits').where('created_by_id', s.keeper.id).firstOrFail()
    assert.equal(Number(gold.judgment_id), judgment.id)
    // A judgment of another unit cannot be linked.
    const foreign = await postForm(client, '/warehouse/exhibits', s.keeper, {
      category: 'goods',
      description: 'Đồ vật',
      measure: 'cái',
      declared_quantity: '1',
      source_body: 'Công an',
      seizure_record: 'BB 2',
      judgment_id: String(judgment.id + 100000),
      location_kind: 'warehouse',
    })
    assert.equal(foreign.flashMessages()?.error, 'Không tìm thấy bản án thuộc đơn vị.')

    const others = []
    for (let i = 0; i < 26; i++)
      others.push(
        await newExhibit(s.keeper, { description: `Xe đạp số ${i}`, category: 'vehicle' })
      )
    await move(s, others[0].id, 'intake', 10)

    const list = async (q: string) => {
      const r = await getAs(client, `/warehouse/exhibits?${q}`, s.head)
      r.assertStatus(200)
      return r.text()
    }
    let html = await list('judgment=with')
    assert.include(html, gold.code)
    assert.notInclude(html, others[0].code)
    html = await list('judgment=without&category=vehicle')
    assert.include(html, others[0].code)
    assert.notInclude(html, gold.code)
    assert.include(html, 'Chưa có bản án')
    html = await list('q=L%E1%BA%AFc%20tay') // "Lắc tay"
    assert.include(html, gold.code)
    assert.notInclude(html, others[1].code)
    html = await list('status=in_custody')
    assert.include(html, others[0].code)
    assert.notInclude(html, others[1].code)
    // 27 items: two pages of 25, newest first when sorted descending.
    html = await list('sort=code&dir=desc')
    assert.include(html, others[25].code)
    assert.notInclude(html, gold.code)
    html = await list('sort=code&dir=desc&page=2')
    assert.include(html, gold.code)
    // A bad filter value is refused with a message, not ignored.
    const bad = await getAs(client, '/warehouse/exhibits?category=rockets', s.head)
    bad.assertStatus(302)
  })
})
