import { test } from '@japa/runner'
import { as, makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import { openCase, pinClock, postForm, refusalAudited, unitStaff, day } from './_setup.js'

test.group('Transfers: pages render for their roles, refusals for the others', (group) => {
  pinClock(group)

  test('handover and delegation pages', async ({ client, assert }) => {
    const s = await unitStaff(UNITS.caugiay)
    const c = await openCase(s, { collected: 1_000_000 })
    const form = await as(client.get(`/handovers/new?from=${s.officer.id}&case=${c.id}`), s.head)
    form.assertStatus(200)
    assert.include(form.text(), 'id="handover-cases"')
    assert.include(form.text(), '1.000.000')
    ;(await as(client.get('/handovers/new'), s.officer)).assertStatus(200)
    for (const user of [
      s.head,
      s.officer,
      await makeUser(UNITS.hanoi, ['statistician']),
      await makeUser(UNITS.national, ['inspector']),
    ])
      (await as(client.get('/handovers'), user)).assertStatus(200)
    const keeper = await makeUser(UNITS.caugiay, ['warehouse_keeper'])
    ;(await as(client.get('/handovers'), keeper)).assertStatus(403)
    ;(await as(client.get('/delegations'), keeper)).assertStatus(403)
    assert.isTrue(await refusalAudited(keeper))
    ;(await as(client.get('/handovers/new'), s.clerk)).assertStatus(403)

    const casePage = await as(client.get(`/cases/${c.id}`), s.head)
    assert.include(casePage.text(), 'data-action="delegate"')
    assert.include(casePage.text(), 'data-action="revoke"')
    assert.notInclude(casePage.text(), 'data-action="withdraw"')
    const provinceView = await as(
      client.get(`/cases/${c.id}`),
      await makeUser(UNITS.hanoi, ['head'])
    )
    assert.include(provinceView.text(), 'data-action="withdraw"')

    const sapa = await unitByCode(UNITS.sapa)
    await postForm(client, `/cases/${c.id}/delegations`, s.head, {
      to_unit_id: sapa.id,
      scope: 'full',
      confirm: '1',
      effective_date: day(3),
    })
    const clerk = await makeUser(UNITS.sapa, ['intake_clerk'])
    const inbox = await as(client.get('/delegations?box=incoming&status=confirmed'), clerk)
    inbox.assertStatus(200)
    assert.include(inbox.text(), c.number!)
    const id = inbox.text().match(/data-delegation="(\d+)"/)![1]
    const detail = await as(client.get(`/delegations/${id}`), clerk)
    assert.include(detail.text(), 'id="delegation-accept"')
    const dash = await as(client.get('/'), clerk)
    assert.include(dash.text(), 'data-widget="transfers.delegations"')
    ;(await as(client.get('/delegations?box=outgoing'), s.officer)).assertStatus(200)
    ;(await as(client.get('/delegations'), s.head)).assertStatus(200)
  })
})
