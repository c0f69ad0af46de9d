import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Case, caseStateAsOf } from '#cases'
import { User } from '#accounts'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { day, openCase, pinClock, postForm, refusalAudited, unitStaff } from './_setup.js'

test.group('Transfers: handover of cases with their held money', (group) => {
  pinClock(group)

  test('an officer proposes, the head confirms: cases, assignment spans and held money move', async ({
    client,
    assert,
  }) => {
    const s = await unitStaff()
    const a = await openCase(s, { amount: 10_000_000, collected: 3_000_000 })
    const b = await openCase(s, { amount: 5_000_000, collected: 1_200_000 })
    const untouched = await openCase(s, { amount: 2_000_000 })

    const proposed = await postForm(client, '/handovers', s.officer, {
      'from_officer_id': s.officer.id,
      'to_officer_id': s.officer2.id,
      'case_ids[]': [a.id, b.id],
      'effective_date': day(3),
      'reason_kind': 'moved',
      'reason': 'Điều động sang Chi cục Cầu Giấy',
    })
    proposed.assertStatus(302)
    const h = await db.from('handovers').where('from_officer_id', s.officer.id).firstOrFail()
    assert.equal(h.status, 'proposed')
    assert.equal(Number(h.held_total), 4_200_000)
    // Nothing moved before the head confirms.
    assert.equal((await Case.findOrFail(a.id)).officerId, s.officer.id)
    assert.lengthOf(await auditRows({ action: 'handover.proposed', subjectId: h.id }), 1)

    // The receiver cannot confirm his own takeover; the head of another unit cannot either.
    ;(await postForm(client, `/handovers/${h.id}/confirm`, s.officer2)).assertStatus(403)
    assert.isTrue(await refusalAudited(s.officer2, h.id))
    const otherHead = await makeUser(UNITS.caugiay, ['head'])
    ;(await postForm(client, `/handovers/${h.id}/confirm`, otherHead)).assertStatus(403)
    assert.isTrue(await refusalAudited(otherHead, h.id))

    const confirmed = await postForm(client, `/handovers/${h.id}/confirm`, s.head, {
      note: 'Đồng ý',
    })
    confirmed.assertStatus(302)
    for (const [c, held] of [
      [a, 3_000_000],
      [b, 1_200_000],
    ] as const) {
      const now = await Case.findOrFail(c.id)
      assert.equal(now.officerId, s.officer2.id)
      assert.equal(now.held, held)
      const before = await caseStateAsOf(c.id, day(2))
      const after = await caseStateAsOf(c.id, day(3))
      assert.deepEqual([before.officerId, before.held], [s.officer.id, held])
      assert.deepEqual([after.officerId, after.held], [s.officer2.id, held])
      const spans = await db.from('case_assignments').where('case_id', c.id).orderBy('id')
      assert.deepEqual(
        spans.map((r) => [
          r.officer_id,
          String(r.from_date).slice(0, 10),
          r.to_date && String(r.to_date).slice(0, 10),
          r.handover_id,
        ]),
        [
          [s.officer.id, day(0), day(3), null],
          [s.officer2.id, day(3), null, h.id],
        ]
      )
      const event = await db
        .from('case_events')
        .where('case_id', c.id)
        .where('type', 'handover')
        .firstOrFail()
      assert.equal(event.officer_id, s.officer2.id)
      assert.equal(event.effective_date.slice?.(0, 10) ?? event.effective_date, day(3))
    }
    assert.equal((await Case.findOrFail(untouched.id)).officerId, s.officer.id)
    const done = await db.from('handovers').where('id', h.id).firstOrFail()
    assert.equal(done.status, 'confirmed')
    assert.equal(done.confirmed_by_id, s.head.id)
    assert.equal(Number(done.held_total), 4_200_000)
    assert.equal(Number(done.remaining_total), 7_000_000 + 3_800_000)
    const items = await db.from('handover_cases').where('handover_id', h.id).orderBy('case_id')
    assert.deepEqual(
      items.map((i) => Number(i.held)),
      [3_000_000, 1_200_000]
    )
    assert.lengthOf(await auditRows({ action: 'handover.confirmed', subjectId: h.id }), 1)

    // The receiver sees what he took over: per case and in total, on the handover page and his dashboard.
    const page = await as(client.get(`/handovers/${h.id}`), s.officer2)
    page.assertStatus(200)
    assert.include(page.text(), '4.200.000')
    assert.include(page.text(), '3.000.000')
    assert.include(page.text(), a.number!)
    const dash = await as(client.get('/'), s.officer2)
    assert.include(dash.text(), 'data-widget="transfers.handovers"')
    assert.include(dash.text(), 'Đã nhận bàn giao: 2 việc, 4.200.000')
    // The case history shows who held the case when.
    const casePage = await as(client.get(`/cases/${a.id}`), s.officer2)
    casePage.assertStatus(200)
    assert.include(casePage.text(), `BG-${h.id}`)
    assert.include(casePage.text(), 'data-event="handover"')
  })

  test("refusals: a case not held, an inactive receiver, another officer's cases, a stranger reading", async ({
    client,
    assert,
  }) => {
    const s = await unitStaff()
    const a = await openCase(s)
    const foreign = await openCase(s, { officer: s.officer2 })
    // An officer cannot hand over another officer's cases.
    ;(
      await postForm(client, '/handovers', s.officer2, {
        from_officer_id: s.officer.id,
        to_officer_id: s.officer2.id,
        effective_date: day(3),
        reason_kind: 'other',
        all: '1',
      })
    ).assertStatus(403)
    assert.isTrue(await refusalAudited(s.officer2))
    // A head of another district cannot propose for this unit.
    const otherHead = await makeUser(UNITS.caugiay, ['head'])
    ;(
      await postForm(client, '/handovers', otherHead, {
        from_officer_id: s.officer.id,
        to_officer_id: s.officer2.id,
        effective_date: day(3),
        reason_kind: 'other',
        all: '1',
      })
    ).assertStatus(403)
    assert.isTrue(await refusalAudited(otherHead))
    // A case the officer does not hold is a domain refusal (flash + redirect), nothing written.
    const bad = await postForm(client, '/handovers', s.head, {
      'from_officer_id': s.officer.id,
      'to_officer_id': s.officer2.id,
      'case_ids[]': [a.id, foreign.id],
      'effective_date': day(3),
      'reason_kind': 'other',
    })
    bad.assertStatus(302)
    assert.isNull(await db.from('handovers').where('from_officer_id', s.officer.id).first())
    // An inactive receiver is refused.
    const gone = await makeUser(UNITS.badinh, ['officer'], { status: 'revoked' })
    await postForm(client, '/handovers', s.head, {
      from_officer_id: s.officer.id,
      to_officer_id: gone.id,
      all: '1',
      effective_date: day(3),
      reason_kind: 'other',
    })
    assert.isNull(await db.from('handovers').where('from_officer_id', s.officer.id).first())
    // A head's proposal can be confirmed in the same step; an officer of another unit may not read it.
    await postForm(client, '/handovers', s.head, {
      from_officer_id: s.officer.id,
      to_officer_id: s.officer2.id,
      all: '1',
      effective_date: day(3),
      reason_kind: 'workload',
      confirm: '1',
    })
    const h = await db.from('handovers').where('from_officer_id', s.officer.id).firstOrFail()
    assert.equal(h.status, 'confirmed')
    const stranger = await makeUser(UNITS.caugiay, ['officer'])
    ;(await as(client.get(`/handovers/${h.id}`), stranger)).assertStatus(403)
    assert.isTrue(await refusalAudited(stranger, h.id))
    // The head rejects a later proposal with a reason; nothing moves.
    const b = await openCase(s)
    await postForm(client, '/handovers', s.officer, {
      from_officer_id: s.officer.id,
      to_officer_id: s.officer2.id,
      all: '1',
      effective_date: day(4),
      reason_kind: 'leaving',
    })
    const h2 = await db
      .from('handovers')
      .where('from_officer_id', s.officer.id)
      .where('status', 'proposed')
      .firstOrFail()
    await postForm(client, `/handovers/${h2.id}/reject`, s.head, { reason: 'Chưa đủ biên bản' })
    assert.equal((await db.from('handovers').where('id', h2.id).firstOrFail()).status, 'rejected')
    assert.equal((await Case.findOrFail(b.id)).officerId, s.officer.id)
  })

  test('the head reassigns every open case of a revoked officer in one action', async ({
    client,
    assert,
  }) => {
    const s = await unitStaff()
    const cases = [
      await openCase(s, { collected: 700_000 }),
      await openCase(s, { collected: 300_000 }),
      await openCase(s),
    ]
    await User.query().where('id', s.officer.id).update({ status: 'revoked' })
    // An officer may not do it.
    ;(
      await postForm(client, '/handovers/reassign-inactive', s.officer2, {
        from_officer_id: s.officer.id,
        to_officer_id: s.officer2.id,
        effective_date: day(5),
      })
    ).assertStatus(403)
    assert.isTrue(await refusalAudited(s.officer2))
    const list = await as(client.get('/handovers'), s.head)
    assert.include(list.text(), 'id="reassign-inactive"')
    assert.include(list.text(), s.officer.fullName)
    ;(
      await postForm(client, '/handovers/reassign-inactive', s.head, {
        from_officer_id: s.officer.id,
        to_officer_id: s.officer2.id,
        effective_date: day(5),
        reason: 'Thu hồi tài khoản',
      })
    ).assertStatus(302)
    const h = await db.from('handovers').where('from_officer_id', s.officer.id).firstOrFail()
    assert.equal(h.status, 'confirmed')
    assert.equal(h.reason_kind, 'revoked')
    assert.equal(h.case_count, 3)
    assert.equal(Number(h.held_total), 1_000_000)
    for (const c of cases) assert.equal((await Case.findOrFail(c.id)).officerId, s.officer2.id)
  })
})
