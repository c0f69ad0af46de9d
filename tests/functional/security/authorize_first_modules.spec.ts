/**
 * Authorize before validating in the modules merged after issue 9 (warehouse, integrations, exports,
 * submissions, reconciliation, imports): a malformed body aimed at another unit's subject is 403 with an
 * audit row — never a 422 that would tell the caller about the subject.
 */
import { test } from '@japa/runner'
import { ProposeOrder } from '#warehouse'
import { makeUser, unitByCode, UNITS, as } from '#tests/helpers/factories'
import { refusalAudited } from '../cases/_setup.js'
import { newExhibit, pinClock, postForm, warehouseStaff } from '../warehouse/_setup.js'
import { makeClient } from '../integrations/_setup.js'
import { makeProvinceTree } from '#database/synthetic/fixtures'

test.group('authorize before validating: the merged modules', (group) => {
  pinClock(group)

  test('warehouse: another unit head signing or refusing an order with a malformed body', async ({
    client,
    assert,
  }) => {
    // A fresh province: the order stays out of the units other tests count (the demo warehouse).
    const { districts } = await makeProvinceTree(2)
    const own = await warehouseStaff(districts[0].code)
    const e = await newExhibit(own.keeper)
    const order = await new ProposeOrder().handle(own.keeper, e.id, {
      kind: 'intake',
      quantity: 1,
      reason: 'Nhập kho',
    })
    const otherHead = await makeUser(districts[1].code, ['head'])
    for (const verb of ['sign', 'refuse']) {
      const response = await postForm(client, `/warehouse/orders/${order.id}/${verb}`, otherHead, {
        order_number: ['x'],
        reason: { a: 1 },
      })
      response.assertStatus(403)
    }
    assert.isTrue(await refusalAudited(otherHead, order.id))
    const otherKeeper = await makeUser(districts[1].code, ['warehouse_keeper'])
    const execute = await postForm(client, `/warehouse/orders/${order.id}/execute`, otherKeeper, {
      movement_date: 'yesterday',
    })
    execute.assertStatus(403)
    assert.isTrue(await refusalAudited(otherKeeper, order.id))
  })

  test('integrations: a province admin changing a national client, or scoping it out of reach', async ({
    client,
    assert,
  }) => {
    const { id } = await makeClient()
    const provinceAdmin = await makeUser(UNITS.hanoi, ['admin'])
    for (const path of [
      `/integrations/${id}`,
      `/integrations/${id}/credentials`,
      `/integrations/${id}/replay`,
    ]) {
      const response = await postForm(client, path, provinceAdmin, { status: 42, kind: ['x'] })
      response.assertStatus(403)
    }
    assert.isTrue(await refusalAudited(provinceAdmin, id))
    // Its own client, but a scope on a unit outside Hà Nội with a malformed body.
    const own = await makeClient({ admin: provinceAdmin, owner: UNITS.hanoi })
    const laocai = await unitByCode(UNITS.laocai)
    const scope = await postForm(client, `/integrations/${own.id}/scopes`, provinceAdmin, {
      unit_id: laocai.id,
      data_kind: 42,
    })
    scope.assertStatus(403)
    assert.isTrue(await refusalAudited(provinceAdmin, laocai.id))
    const store = await postForm(client, '/integrations', provinceAdmin, {
      owner_unit_id: laocai.id,
      endpoint_url: 'not a url',
    })
    store.assertStatus(403)
  })

  test('exports: a background export of a unit out of reach with a malformed body', async ({
    client,
    assert,
  }) => {
    const statistician = await makeUser(UNITS.laocai, ['statistician'])
    const hanoi = await unitByCode(UNITS.hanoi)
    const response = await as(
      client.post('/reports/exports').withCsrfToken().json({
        unit: UNITS.hanoi,
        year: 'soon',
        format: 'exe',
        form: '../x',
      }),
      statistician
    )
    response.assertStatus(403)
    assert.isTrue(await refusalAudited(statistician, hanoi.id))
  })

  test('submissions: submitting another unit with a malformed period', async ({
    client,
    assert,
  }) => {
    const head = await makeUser(UNITS.caugiay, ['head'])
    const badinh = await unitByCode(UNITS.badinh)
    const response = await postForm(client, '/periods/submissions', head, {
      form: 'BM 06',
      unit: UNITS.badinh,
      year: 'x',
      period: 99,
    })
    response.assertStatus(403)
    assert.isTrue(await refusalAudited(head, badinh.id))
  })

  test('reconciliation: figures for a unit out of reach with malformed values', async ({
    client,
    assert,
  }) => {
    const statistician = await makeUser(UNITS.laocai, ['statistician'])
    const hanoi = await unitByCode(UNITS.hanoi)
    const response = await postForm(client, '/reconciliation/figures', statistician, {
      unit: UNITS.hanoi,
      year: 'x',
      cases_total: -1,
    })
    response.assertStatus(403)
    assert.isTrue(await refusalAudited(statistician, hanoi.id))
  })

  test('imports: only a head confirms or rolls back a batch, even one that does not exist', async ({
    client,
    assert,
  }) => {
    const statistician = await makeUser(UNITS.hanoi, ['statistician'])
    for (const verb of ['confirm', 'rollback']) {
      ;(await postForm(client, `/imports/987654/${verb}`, statistician)).assertStatus(403)
    }
    assert.isTrue(await refusalAudited(statistician, 987654))
  })
})
