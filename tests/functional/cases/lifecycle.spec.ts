import { test } from '@japa/runner'
import { RuleViolation } from '#core'
import { AuditEvent } from '#audit'
import {
  Case,
  RecordEvent,
  RecordCollection,
  RecordPayout,
  AmendObligation,
  AssignOfficer,
  caseStateAsOf,
  StatusSpan,
} from '#cases'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { acceptedCase, day, pinClock, TODAY } from './_setup.js'

async function refused(work: Promise<unknown>, key: string, assert: any) {
  try {
    await work
  } catch (error) {
    assert.instanceOf(error, RuleViolation)
    assert.equal((error as RuleViolation).key, key)
    return
  }
  assert.fail(`expected RuleViolation ${key}`)
}

test.group('Cases: lifecycle, status and remaining as of a date', (group) => {
  pinClock(group)

  test('status and remaining follow the events day by day; terminating settles the balance', async ({
    assert,
  }) => {
    const { officer, c } = await acceptedCase({ amount: 1_000_000 })
    const ev = new RecordEvent()
    await new RecordCollection().handle(officer, c.id, {
      amount: 300_000,
      effectiveDate: day(1),
      receiptNumber: 'BL-1',
    })
    await ev.handle(officer, c.id, {
      type: 'postponed',
      effectiveDate: day(2),
      legalGround: '48.1.a',
      documentNumber: 'QĐ-H-1',
    })
    await ev.handle(officer, c.id, { type: 'resume', effectiveDate: day(4) })
    await ev.handle(officer, c.id, {
      type: 'reduction',
      effectiveDate: day(4),
      amount: 100_000,
      documentNumber: 'QĐ-TA-9',
    })
    await ev.handle(officer, c.id, {
      type: 'terminated',
      effectiveDate: day(6),
      legalGround: '50.1.c',
    })

    const at = async (d: string) => {
      const s = await caseStateAsOf(c.id, d)
      return [s.status, s.remaining, s.held]
    }
    assert.deepEqual(await at(day(0)), ['in_progress', 1_000_000, 0])
    assert.deepEqual(await at(day(1)), ['in_progress', 700_000, 300_000])
    assert.deepEqual(await at(day(2)), ['postponed', 700_000, 300_000])
    assert.deepEqual(await at(day(3)), ['postponed', 700_000, 300_000])
    assert.deepEqual(await at(day(4)), ['in_progress', 600_000, 300_000])
    assert.deepEqual(await at(day(5)), ['in_progress', 600_000, 300_000])
    assert.deepEqual(await at(day(6)), ['terminated', 0, 300_000])
    assert.deepEqual(await at(TODAY), ['terminated', 0, 300_000])

    // The caches equal the derived truth; the span chain is ordered and closed except the last.
    const cached = await Case.findOrFail(c.id)
    assert.deepEqual([cached.status, cached.remaining, cached.held], ['terminated', 0, 300_000])
    const spans = await StatusSpan.query().where('case_id', c.id).orderBy('id')
    assert.deepEqual(
      spans.map((s) => [s.status, s.fromDate, s.toDate]),
      [
        ['in_progress', day(0), day(2)],
        ['postponed', day(2), day(4)],
        ['in_progress', day(4), day(6)],
        ['terminated', day(6), null],
      ]
    )
    // Terminated wrote the settling entry; held money can still be paid out afterwards.
    await new RecordPayout().handle(officer, c.id, {
      amount: 300_000,
      effectiveDate: day(7),
      payee: 'creditor',
    })
    assert.equal((await caseStateAsOf(c.id, TODAY)).held, 0)
  })

  test('the law refuses what the table refuses, with a reason', async ({ assert }) => {
    const { officer, c } = await acceptedCase()
    const ev = new RecordEvent()
    await refused(
      ev.handle(officer, c.id, { type: 'resume', effectiveDate: day(1) }),
      'cases.errors.transition_refused',
      assert
    )
    await ev.handle(officer, c.id, {
      type: 'no_conditions',
      effectiveDate: day(2),
      legalGround: '44a.1.a',
    })
    await refused(
      ev.handle(officer, c.id, { type: 'postponed', effectiveDate: day(3), legalGround: '48.1.b' }),
      'cases.errors.transition_refused',
      assert
    )
    await refused(
      ev.handle(officer, c.id, { type: 'completed', effectiveDate: day(3) }),
      'cases.errors.transition_refused',
      assert
    )
    await refused(
      ev.handle(officer, c.id, { type: 'postponed', effectiveDate: day(3) }),
      'cases.errors.transition_refused',
      assert
    )
    await ev.handle(officer, c.id, { type: 'resume', effectiveDate: day(3) })
    // Grounds are required where the law lists them; dates stay ordered and never in the future.
    await refused(
      ev.handle(officer, c.id, { type: 'postponed', effectiveDate: day(4), legalGround: '48.1.z' }),
      'cases.errors.ground_required',
      assert
    )
    await refused(
      ev.handle(officer, c.id, { type: 'notified', effectiveDate: day(2) }),
      'cases.errors.before_last_change',
      assert
    )
    await refused(
      ev.handle(officer, c.id, { type: 'notified', effectiveDate: '2099-01-01' }),
      'cases.errors.future_date',
      assert
    )
    // Events written by their own flows are not offered to the generic form.
    await refused(
      ev.handle(officer, c.id, { type: 'decision_approved', effectiveDate: day(4) }),
      'cases.errors.event_not_manual',
      assert
    )
    await refused(
      ev.handle(officer, c.id, { type: 'withdrawn', effectiveDate: day(4) }),
      'cases.errors.event_not_manual',
      assert
    )
    assert.equal((await Case.findOrFail(c.id)).status, 'in_progress')
  })

  test('completion needs a settled balance; money never goes below zero on any day', async ({
    assert,
  }) => {
    const { officer, c } = await acceptedCase({ amount: 500_000 })
    const ev = new RecordEvent()
    await refused(
      ev.handle(officer, c.id, { type: 'completed', effectiveDate: day(1) }),
      'cases.errors.money_left',
      assert
    )
    await refused(
      new RecordCollection().handle(officer, c.id, {
        amount: 500_001,
        effectiveDate: day(1),
        receiptNumber: 'X',
      }),
      'cases.errors.beyond_remaining',
      assert
    )
    await refused(
      new RecordCollection().handle(officer, c.id, {
        amount: 1,
        effectiveDate: day(1),
        receiptNumber: '',
      }),
      'cases.errors.receipt_required',
      assert
    )
    await refused(
      new RecordPayout().handle(officer, c.id, {
        amount: 1,
        effectiveDate: day(1),
        payee: 'creditor',
      }),
      'cases.errors.beyond_held',
      assert
    )
    // An amendment raises the obligation from day 5; a collection of 600k dated day 2 would leave -100k on days 2–4.
    await new AmendObligation().handle(officer, c.id, {
      amount: 200_000,
      effectiveDate: day(5),
      documentNumber: 'QĐ-SĐ',
    })
    await refused(
      new RecordCollection().handle(officer, c.id, {
        amount: 600_000,
        effectiveDate: day(2),
        receiptNumber: 'BL',
      }),
      'cases.errors.beyond_remaining',
      assert
    )
    await refused(
      new AmendObligation().handle(officer, c.id, { amount: -800_000, effectiveDate: day(6) }),
      'cases.errors.beyond_remaining',
      assert
    )
    await new RecordCollection().handle(officer, c.id, {
      amount: 700_000,
      effectiveDate: day(6),
      receiptNumber: 'BL-2',
    })
    await new RecordPayout().handle(officer, c.id, {
      amount: 700_000,
      effectiveDate: day(6),
      payee: 'creditor',
    })
    // A terminal event may not predate the last balance change.
    await refused(
      ev.handle(officer, c.id, { type: 'completed', effectiveDate: day(5) }),
      'cases.errors.before_last_money',
      assert
    )
    await ev.handle(officer, c.id, { type: 'completed', effectiveDate: day(7) })
    assert.deepInclude(await caseStateAsOf(c.id, TODAY), {
      status: 'completed',
      remaining: 0,
      held: 0,
    })
    await refused(
      new RecordCollection().handle(officer, c.id, {
        amount: 1,
        effectiveDate: day(8),
        receiptNumber: 'BL-3',
      }),
      'cases.errors.case_closed',
      assert
    )
  })

  test('the head reassigns the officer; the assignment spans answer "who held it on day D"', async ({
    client,
    assert,
  }) => {
    const { head, officer, c } = await acceptedCase()
    const other = await makeUser(UNITS.badinh, ['officer'])
    const res = await as(client.post(`/cases/${c.id}/assign`), head)
      .withCsrfToken()
      .form({ officer_id: other.id, effective_date: day(3) })
      .redirects(0)
    res.assertStatus(302)
    assert.equal((await caseStateAsOf(c.id, day(2))).officerId, officer.id)
    assert.equal((await caseStateAsOf(c.id, day(3))).officerId, other.id)
    assert.equal((await Case.findOrFail(c.id)).officerId, other.id)
    // The former officer loses the case (403, audited); the new one may act.
    const denied = await as(client.post(`/cases/${c.id}/events`), officer)
      .withCsrfToken()
      .form({ type: 'notified', effective_date: day(4) })
      .redirects(0)
    denied.assertStatus(403)
    assert.isNotNull(
      await AuditEvent.query()
        .where('action', 'access.denied')
        .where('actor_id', officer.id)
        .where('subject_id', String(c.id))
        .first()
    )
    await new RecordEvent().handle(other, c.id, { type: 'notified', effectiveDate: day(4) })
    // An officer from another unit cannot be assigned.
    const stranger = await makeUser(UNITS.caugiay, ['officer'])
    await refused(
      new AssignOfficer().handle(head, c.id, { officerId: stranger.id, effectiveDate: day(5) }),
      'cases.errors.officer_invalid',
      assert
    )
  })

  test('a refused event on the page comes back as a Vietnamese message', async ({
    client,
    assert,
  }) => {
    const { officer, c } = await acceptedCase()
    const res = await as(client.post(`/cases/${c.id}/events`), officer)
      .withCsrfToken()
      .form({ type: 'resume', effective_date: day(1) })
      .redirects(0)
    res.assertStatus(302)
    assert.include(String(res.flashMessages().error), 'Không thể ghi')
    const bad = await as(client.post(`/cases/${c.id}/money`), officer)
      .withCsrfToken()
      .form({ kind: 'collected', amount: 'abc', effective_date: day(1) })
      .redirects(0)
    assert.include(JSON.stringify(bad.flashMessages().errors), 'số tiền')
  })
})
