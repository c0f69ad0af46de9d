import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Case, caseStateAsOf } from '#cases'
import { makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { day, openCase, pinClock, postForm, refusalAudited, unitStaff } from './_setup.js'

test.group('Transfers: withdrawal by the province and revocation of a decision', (group) => {
  pinClock(group)

  test('the province head withdraws a district case: it ends withdrawn, a withdrawn_in draft awaits at the province', async ({
    client,
    assert,
  }) => {
    const s = await unitStaff(UNITS.badinh)
    const c = await openCase(s, { amount: 12_000_000, collected: 2_000_000 })
    const hanoi = await unitByCode(UNITS.hanoi)
    const hanoiHead = await makeUser(UNITS.hanoi, ['head'])
    const form = {
      effective_date: day(5),
      document_number: '3/QĐ-RHS',
      reason: 'Vụ việc phức tạp, có yếu tố nước ngoài',
    }

    // The district's own head, a head of another province and the officer are refused.
    ;(await postForm(client, `/cases/${c.id}/withdraw`, s.head, form)).assertStatus(403)
    assert.isTrue(await refusalAudited(s.head, c.id))
    const laocaiHead = await makeUser(UNITS.laocai, ['head'])
    ;(await postForm(client, `/cases/${c.id}/withdraw`, laocaiHead, form)).assertStatus(403)
    assert.isTrue(await refusalAudited(laocaiHead, c.id))
    ;(await postForm(client, `/cases/${c.id}/withdraw`, s.officer, form)).assertStatus(403)
    assert.equal((await Case.findOrFail(c.id)).status, 'in_progress')

    ;(await postForm(client, `/cases/${c.id}/withdraw`, hanoiHead, form)).assertStatus(302)
    const ended = await Case.findOrFail(c.id)
    assert.deepEqual([ended.status, ended.remaining, ended.held], ['withdrawn', 0, 2_000_000])
    assert.equal((await caseStateAsOf(c.id, day(4))).status, 'in_progress')
    assert.equal((await caseStateAsOf(c.id, day(5))).status, 'withdrawn')
    const entry = await db
      .from('money_entries')
      .where('case_id', c.id)
      .where('kind', 'withdrawn_amount')
      .firstOrFail()
    assert.equal(Number(entry.amount), 10_000_000)
    const event = await db
      .from('case_events')
      .where('case_id', c.id)
      .where('type', 'withdrawn')
      .firstOrFail()
    assert.equal(event.target_unit_id, hanoi.id)
    const taken = await Case.query()
      .where('source_case_id', c.id)
      .preload('obligations')
      .firstOrFail()
    assert.deepEqual(
      [taken.unitId, taken.origin, taken.draftStatus],
      [hanoi.id, 'withdrawn_in', 'submitted']
    )
    assert.equal(Number(taken.obligations.find((o) => o.kind === 'money')!.amount), 10_000_000)
    assert.lengthOf(await auditRows({ action: 'case.withdrawn', subjectId: c.id }), 1)
  })

  test('the unit head revokes a wrong decision: the case ends revoked with revoked_amount', async ({
    client,
    assert,
  }) => {
    const s = await unitStaff(UNITS.caugiay)
    const c = await openCase(s, { amount: 6_000_000, collected: 1_000_000 })
    const form = {
      effective_date: day(4),
      document_number: '9/QĐ-THQĐ',
      reason: 'Quyết định ban hành sai người phải thi hành',
    }
    // The officer can no longer record it as an ordinary event, nor through the head's route.
    await postForm(client, `/cases/${c.id}/events`, s.officer, {
      type: 'revoked',
      effective_date: day(4),
    })
    assert.equal((await Case.findOrFail(c.id)).status, 'in_progress')
    ;(await postForm(client, `/cases/${c.id}/revoke`, s.officer, form)).assertStatus(403)
    assert.isTrue(await refusalAudited(s.officer, c.id))
    const otherHead = await makeUser(UNITS.badinh, ['head'])
    ;(await postForm(client, `/cases/${c.id}/revoke`, otherHead, form)).assertStatus(403)
    assert.isTrue(await refusalAudited(otherHead, c.id))
    // A reason is required.
    await postForm(client, `/cases/${c.id}/revoke`, s.head, { effective_date: day(4) })
    assert.equal((await Case.findOrFail(c.id)).status, 'in_progress')

    ;(await postForm(client, `/cases/${c.id}/revoke`, s.head, form)).assertStatus(302)
    const ended = await Case.findOrFail(c.id)
    assert.deepEqual([ended.status, ended.remaining, ended.held], ['revoked', 0, 1_000_000])
    const entry = await db
      .from('money_entries')
      .where('case_id', c.id)
      .where('kind', 'revoked_amount')
      .firstOrFail()
    assert.equal(Number(entry.amount), 5_000_000)
    const event = await db
      .from('case_events')
      .where('case_id', c.id)
      .where('type', 'revoked')
      .firstOrFail()
    assert.deepEqual([event.document_number, event.actor_id], ['9/QĐ-THQĐ', s.head.id])
  })

  test('the province head may revoke a decision of its district', async ({ client, assert }) => {
    const s = await unitStaff(UNITS.badinh)
    const c = await openCase(s)
    const hanoiHead = await makeUser(UNITS.hanoi, ['head'])
    ;(
      await postForm(client, `/cases/${c.id}/revoke`, hanoiHead, {
        effective_date: day(2),
        reason: 'Sai thẩm quyền',
      })
    ).assertStatus(302)
    assert.equal((await Case.findOrFail(c.id)).status, 'revoked')
  })
})
