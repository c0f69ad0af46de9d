import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { ApproveDecision, Case, caseStateAsOf } from '#cases'
import { as, makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { day, openCase, pinClock, postForm, refusalAudited, unitStaff } from './_setup.js'

const iso = (v: unknown) => String(v).slice(0, 10)

async function latestDelegation(caseId: number) {
  return db.from('delegations').where('case_id', caseId).orderBy('id', 'desc').firstOrFail()
}

test.group('Transfers: delegation (ủy thác) at both ends', (group) => {
  pinClock(group)

  test('full delegation to a district of another province: sender ends delegated_out, receiver gets a new case', async ({
    client,
    assert,
  }) => {
    const s = await unitStaff(UNITS.badinh)
    const c = await openCase(s, { amount: 10_000_000, collected: 3_000_000 })
    const sapa = await unitByCode(UNITS.sapa)
    const [sapaClerk, sapaHead, sapaOfficer] = await Promise.all([
      makeUser(UNITS.sapa, ['intake_clerk']),
      makeUser(UNITS.sapa, ['head']),
      makeUser(UNITS.sapa, ['officer']),
    ])

    ;(
      await postForm(client, `/cases/${c.id}/delegations`, s.officer, {
        to_unit_id: sapa.id,
        scope: 'full',
        reason: 'Người phải thi hành có tài sản tại Sa Pa',
      })
    ).assertStatus(302)
    const d = await latestDelegation(c.id)
    assert.equal(d.status, 'proposed')
    assert.equal(Number(d.amount), 7_000_000)
    assert.lengthOf(await auditRows({ action: 'delegation.proposed', subjectId: d.id }), 1)

    // Only the sender's head confirms; the receiver cannot act before that.
    const otherHead = await makeUser(UNITS.caugiay, ['head'])
    ;(
      await postForm(client, `/delegations/${d.id}/confirm`, otherHead, { effective_date: day(4) })
    ).assertStatus(403)
    assert.isTrue(await refusalAudited(otherHead, d.id))
    ;(
      await postForm(client, `/delegations/${d.id}/confirm`, s.head, {
        effective_date: day(4),
        decision_number: '12/QĐ-CCTHADS',
      })
    ).assertStatus(302)
    assert.equal((await latestDelegation(c.id)).status, 'confirmed')
    // Confirmation alone does not change the case.
    assert.equal((await Case.findOrFail(c.id)).status, 'in_progress')

    // The sender's officer and the receiving province are not the receiver.
    ;(
      await postForm(client, `/delegations/${d.id}/accept`, s.officer, { received_on: day(5) })
    ).assertStatus(403)
    assert.isTrue(await refusalAudited(s.officer, d.id))
    const laocaiClerk = await makeUser(UNITS.laocai, ['intake_clerk'])
    ;(
      await postForm(client, `/delegations/${d.id}/accept`, laocaiClerk, { received_on: day(5) })
    ).assertStatus(403)
    assert.isTrue(await refusalAudited(laocaiClerk, d.id))
    // The receiving officer is in the unit but has no intake role.
    ;(
      await postForm(client, `/delegations/${d.id}/accept`, sapaOfficer, { received_on: day(5) })
    ).assertStatus(403)

    // The receiver sees it in its inbox and accepts.
    const inbox = await as(client.get('/delegations?box=incoming'), sapaClerk)
    inbox.assertStatus(200)
    assert.include(inbox.text(), `data-delegation="${d.id}"`)
    ;(
      await postForm(client, `/delegations/${d.id}/accept`, sapaClerk, { received_on: day(5) })
    ).assertStatus(302)
    const done = await latestDelegation(c.id)
    assert.equal(done.status, 'accepted')
    assert.equal(Number(done.amount), 7_000_000)

    const sender = await Case.findOrFail(c.id)
    assert.deepEqual(
      [sender.status, sender.remaining, sender.held],
      ['delegated_out', 0, 3_000_000]
    )
    assert.deepEqual((await caseStateAsOf(c.id, day(3))).status, 'in_progress')
    assert.deepEqual((await caseStateAsOf(c.id, day(4))).status, 'delegated_out')
    const entry = await db
      .from('money_entries')
      .where('case_id', c.id)
      .where('kind', 'delegated_amount')
      .firstOrFail()
    assert.deepEqual([Number(entry.amount), iso(entry.effective_date)], [7_000_000, day(4)])
    const event = await db
      .from('case_events')
      .where('case_id', c.id)
      .where('type', 'delegated_out')
      .firstOrFail()
    assert.deepEqual(
      [event.status_after, event.target_unit_id, event.document_number],
      ['delegated_out', sapa.id, '12/QĐ-CCTHADS']
    )

    const received = await Case.query()
      .where('source_case_id', c.id)
      .preload('obligations')
      .preload('parties')
      .firstOrFail()
    assert.deepEqual(
      [received.unitId, received.origin, received.draftStatus],
      [sapa.id, 'delegated_in', 'submitted']
    )
    assert.equal(done.new_case_id, received.id)
    assert.deepEqual(
      received.obligations.filter((o) => o.kind === 'money').map((o) => Number(o.amount)),
      [7_000_000]
    )
    assert.isTrue(received.obligations.some((o) => o.kind === 'non_money'))
    assert.sameMembers(
      received.parties.map((p) => p.name),
      ['Trần Văn Nợ', 'Công ty TNHH Minh Phát']
    )
    // The receiving head approves it with Sa Pa's own number and officer.
    const approved = await new ApproveDecision().handle(sapaHead, received.id, {
      decisionDate: day(6),
      officerId: sapaOfficer.id,
    })
    assert.deepEqual(
      [approved.status, approved.remaining, approved.unitId],
      ['in_progress', 7_000_000, sapa.id]
    )
    const top = await db
      .from('cases')
      .where('unit_id', sapa.id)
      .where('year', approved.year)
      .max('seq as top')
      .first()
    assert.equal(approved.number, `${top.top}/QĐ-THADS`)
    const page = await as(client.get(`/cases/${approved.id}`), sapaHead)
    assert.include(page.text(), 'id="case-source"')
    assert.lengthOf(await auditRows({ action: 'delegation.accepted', subjectId: d.id }), 1)
  })

  test('partial delegation to a military unit: the sender continues with the rest', async ({
    client,
    assert,
  }) => {
    const s = await unitStaff(UNITS.caugiay)
    const c = await openCase(s, { amount: 10_000_000 })
    const qp = await unitByCode('QP-01')
    const qpHead = await makeUser('QP-01', ['head'])
    // The head proposes and issues the decision at once.
    await postForm(client, `/cases/${c.id}/delegations`, s.head, {
      to_unit_id: qp.id,
      scope: 'partial',
      amount: 4_000_000,
      confirm: '1',
      effective_date: day(3),
      decision_number: '7/QĐ-UT',
    })
    const d = await latestDelegation(c.id)
    assert.deepEqual(
      [d.status, d.scope, Number(d.amount), iso(d.effective_date)],
      ['confirmed', 'partial', 4_000_000, day(3)]
    )
    ;(
      await postForm(client, `/delegations/${d.id}/accept`, qpHead, { received_on: day(4) })
    ).assertStatus(302)
    const sender = await Case.findOrFail(c.id)
    assert.deepEqual([sender.status, sender.remaining], ['in_progress', 6_000_000])
    const spans = await db.from('case_status_spans').where('case_id', c.id)
    assert.lengthOf(spans, 1)
    const event = await db
      .from('case_events')
      .where('case_id', c.id)
      .where('type', 'delegated_out')
      .firstOrFail()
    assert.deepEqual([event.status_after, Number(event.amount)], [null, 4_000_000])
    const received = await Case.query()
      .where('source_case_id', c.id)
      .preload('obligations')
      .firstOrFail()
    assert.deepEqual([received.unitId, received.origin], [qp.id, 'delegated_in'])
    assert.deepEqual(
      received.obligations.map((o) => [o.kind, Number(o.amount)]),
      [['money', 4_000_000]]
    )
    // The sender's officer keeps working on the rest.
    assert.include((await as(client.get(`/cases/${c.id}`), s.officer)).text(), 'data-delegation')
  })

  test('the receiver returns the file with a reason: the sender case continues unchanged', async ({
    client,
    assert,
  }) => {
    const s = await unitStaff(UNITS.badinh)
    const c = await openCase(s, { amount: 8_000_000 })
    const camau = await unitByCode(UNITS.camau)
    const camauHead = await makeUser(UNITS.camau, ['head'])
    await postForm(client, `/cases/${c.id}/delegations`, s.officer, {
      to_unit_id: camau.id,
      scope: 'full',
    })
    const d = await latestDelegation(c.id)
    await postForm(client, `/delegations/${d.id}/confirm`, s.head, { effective_date: day(4) })
    ;(
      await postForm(client, `/delegations/${d.id}/return`, camauHead, {
        reason: 'Sai địa chỉ người phải thi hành',
      })
    ).assertStatus(302)
    const back = await latestDelegation(c.id)
    assert.deepEqual(
      [back.status, back.return_reason],
      ['returned', 'Sai địa chỉ người phải thi hành']
    )
    const sender = await Case.findOrFail(c.id)
    assert.deepEqual([sender.status, sender.remaining], ['in_progress', 8_000_000])
    assert.isNull(
      await db
        .from('money_entries')
        .where('case_id', c.id)
        .where('kind', 'delegated_amount')
        .first()
    )
    assert.isNull(await Case.query().where('source_case_id', c.id).first())
    const outbox = await as(client.get('/delegations?box=outgoing&status=returned'), s.head)
    assert.include(outbox.text(), `data-delegation="${d.id}"`)
    // A returned file may be delegated again.
    ;(
      await postForm(client, `/cases/${c.id}/delegations`, s.officer, {
        to_unit_id: camau.id,
        scope: 'full',
      })
    ).assertStatus(302)
    assert.equal((await latestDelegation(c.id)).status, 'proposed')
  })

  test('refusals: wrong role, other jurisdiction, bad amount, own unit, a pending file', async ({
    client,
    assert,
  }) => {
    const s = await unitStaff(UNITS.badinh)
    const c = await openCase(s, { amount: 5_000_000 })
    const sapa = await unitByCode(UNITS.sapa)
    const badinh = await unitByCode(UNITS.badinh)
    // The other officer of the unit does not hold the case; the clerk may not propose; another district is out of reach.
    ;(
      await postForm(client, `/cases/${c.id}/delegations`, s.officer2, {
        to_unit_id: sapa.id,
        scope: 'full',
      })
    ).assertStatus(403)
    assert.isTrue(await refusalAudited(s.officer2, c.id))
    ;(
      await postForm(client, `/cases/${c.id}/delegations`, s.clerk, {
        to_unit_id: sapa.id,
        scope: 'full',
      })
    ).assertStatus(403)
    assert.isTrue(await refusalAudited(s.clerk, c.id))
    const stranger = await makeUser(UNITS.caugiay, ['head'])
    ;(
      await postForm(client, `/cases/${c.id}/delegations`, stranger, {
        to_unit_id: sapa.id,
        scope: 'full',
      })
    ).assertStatus(403)
    assert.isTrue(await refusalAudited(stranger, c.id))
    // Domain refusals write nothing.
    await postForm(client, `/cases/${c.id}/delegations`, s.officer, {
      to_unit_id: sapa.id,
      scope: 'partial',
      amount: 5_000_000,
    })
    await postForm(client, `/cases/${c.id}/delegations`, s.officer, {
      to_unit_id: badinh.id,
      scope: 'full',
    })
    assert.isNull(await db.from('delegations').where('case_id', c.id).first())
    // Only one file in progress per case; the officer cannot confirm his own proposal.
    await postForm(client, `/cases/${c.id}/delegations`, s.officer, {
      to_unit_id: sapa.id,
      scope: 'full',
    })
    await postForm(client, `/cases/${c.id}/delegations`, s.officer, {
      to_unit_id: sapa.id,
      scope: 'full',
    })
    assert.lengthOf(await db.from('delegations').where('case_id', c.id), 1)
    const d = await latestDelegation(c.id)
    ;(
      await postForm(client, `/delegations/${d.id}/confirm`, s.officer, { effective_date: day(4) })
    ).assertStatus(403)
    // The head refuses it with a reason.
    await postForm(client, `/delegations/${d.id}/reject`, s.head, {
      reason: 'Chưa xác minh tài sản',
    })
    assert.equal((await latestDelegation(c.id)).status, 'rejected')
    // A stranger cannot open the file; a head cannot read another unit's inbox.
    ;(await as(client.get(`/delegations/${d.id}`), stranger)).assertStatus(403)
    ;(await as(client.get(`/delegations?unit=${UNITS.badinh}`), stranger)).assertStatus(403)
    assert.isTrue(await refusalAudited(stranger, d.id))
  })
})
