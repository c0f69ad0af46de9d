import { test } from '@japa/runner'
import { deadlinesFor, pendingRequestDeadline, type DeadlineFacts, type FactEvent } from '#cases'

let nextId = 1
function ev(type: string, effectiveDate: string, extra: Partial<FactEvent> = {}): FactEvent {
  const statusAfter: Record<string, string> = {
    decision_approved: 'in_progress',
    no_conditions: 'no_conditions',
    resume: 'in_progress',
    completed: 'completed',
    terminated: 'terminated',
  }
  return { id: nextId++, type, effectiveDate, statusAfter: statusAfter[type] ?? null, ...extra }
}

function facts(partial: Partial<DeadlineFacts>): DeadlineFacts {
  return {
    decisionDate: '2026-02-05',
    status: 'in_progress',
    reverifyReason: null,
    requestReceivedOn: null,
    events: [],
    publications: [],
    collections: [],
    ...partial,
  }
}

const pick = async (f: DeadlineFacts, kind: string, today: string) =>
  (await deadlinesFor(f, today)).filter((d) => d.kind === kind)

test.group('Legal deadlines on the working-day calendar (weekends, Tết, holidays)', () => {
  test('decision on a request: 5 working days, over a weekend and over Tết Bính Ngọ', async ({
    assert,
  }) => {
    const weekend = await pendingRequestDeadline('2025-03-07', '2025-03-14') // Friday
    assert.equal(weekend.dueOn, '2025-03-14')
    assert.equal(weekend.state, 'due')
    // Thursday 12/02/2026: Fri 13, then Tết 14–22/02, then Mon 23 … Thu 26.
    const tet = await pendingRequestDeadline('2026-02-12', '2026-03-02')
    assert.equal(tet.dueOn, '2026-02-26')
    assert.equal(tet.state, 'overdue')
    assert.equal(tet.daysLate, 4)
    const [met] = await pick(
      facts({
        requestReceivedOn: '2026-02-12',
        decisionDate: '2026-02-27',
        events: [ev('decision_approved', '2026-02-27')],
      }),
      'request_decision',
      '2026-03-02'
    )
    assert.equal(met.state, 'met_late')
    assert.equal(met.metOn, '2026-02-27')
    assert.equal(met.daysLate, 1)
  })

  test('verification: 10 days voluntary + 10 days, from notification (or the decision), moved off days off', async ({
    assert,
  }) => {
    let [d] = await pick(
      facts({ events: [ev('decision_approved', '2026-02-05')] }),
      'verification',
      '2026-02-10'
    )
    assert.equal(d.anchor, 'decision')
    assert.equal(d.dueOn, '2026-02-25')
    assert.equal(d.state, 'due')
    ;[d] = await pick(
      facts({ events: [ev('decision_approved', '2026-02-05'), ev('notified', '2026-02-06')] }),
      'verification',
      '2026-02-10'
    )
    assert.equal(d.anchor, 'notified')
    assert.equal(d.dueOn, '2026-02-26')
    // 27/01/2026 + 20 days = 16/02 (Tết) → next working day Mon 23/02.
    ;[d] = await pick(
      facts({ decisionDate: '2026-01-27', events: [ev('decision_approved', '2026-01-27')] }),
      'verification',
      '2026-03-01'
    )
    assert.equal(d.dueOn, '2026-02-23')
    assert.equal(d.state, 'overdue')
    // 10/03/2025 + 20 = Sunday 30/03 → Monday 31/03; verified on 28/03 → met.
    ;[d] = await pick(
      facts({
        decisionDate: '2025-03-10',
        events: [
          ev('decision_approved', '2025-03-10'),
          ev('verified', '2025-03-28', { result: 'has_conditions' }),
        ],
      }),
      'verification',
      '2025-04-15'
    )
    assert.equal(d.dueOn, '2025-03-31')
    assert.equal(d.state, 'met')
    assert.equal(d.metOn, '2025-03-28')
  })

  test('no-conditions decision: 5 working days after a verification that found none; withdrawn by a later finding', async ({
    assert,
  }) => {
    const base = [
      ev('decision_approved', '2026-02-05'),
      ev('verified', '2026-02-12', { result: 'no_conditions' }),
    ]
    let [d] = await pick(facts({ events: base }), 'no_conditions_decision', '2026-03-02')
    assert.equal(d.dueOn, '2026-02-26')
    assert.equal(d.state, 'overdue')
    assert.equal(d.daysLate, 4)
    ;[d] = await pick(
      facts({ events: [...base, ev('no_conditions', '2026-02-24')], status: 'no_conditions' }),
      'no_conditions_decision',
      '2026-03-02'
    )
    assert.equal(d.state, 'met')
    const withdrawn = await pick(
      facts({ events: [...base, ev('verified', '2026-02-13', { result: 'has_conditions' })] }),
      'no_conditions_decision',
      '2026-03-02'
    )
    assert.lengthOf(withdrawn, 0)
  })

  test('re-verification every 6 months, or 12 for prisoners / unknown address, from the last verification', async ({
    assert,
  }) => {
    const events = [
      ev('decision_approved', '2025-06-02'),
      ev('verified', '2025-08-14', { result: 'no_conditions' }),
      ev('no_conditions', '2025-08-16'),
    ]
    // 16/08/2025 + 6 months = 16/02/2026 (Tết) → Mon 23/02/2026.
    let list = await pick(
      facts({ decisionDate: '2025-06-02', status: 'no_conditions', events }),
      'reverification',
      '2026-02-24'
    )
    assert.lengthOf(list, 1)
    assert.equal(list[0].dueOn, '2026-02-23')
    assert.equal(list[0].state, 'overdue')
    assert.equal(list[0].months, 6)
    // 12 months: 16/08/2026 is a Sunday → Monday 17/08.
    list = await pick(
      facts({
        decisionDate: '2025-06-02',
        status: 'no_conditions',
        reverifyReason: 'prisoner',
        events,
      }),
      'reverification',
      '2026-02-24'
    )
    assert.equal(list[0].dueOn, '2026-08-17')
    assert.equal(list[0].state, 'due')
    assert.equal(list[0].months, 12)
    // Verified on 12/02, before the due day: done; the next cycle runs from that verification.
    list = await pick(
      facts({
        decisionDate: '2025-06-02',
        status: 'no_conditions',
        events: [...events, ev('verified', '2026-02-12', { result: 'no_conditions' })],
      }),
      'reverification',
      '2026-03-02'
    )
    assert.deepEqual(
      list.map((d) => [d.anchor, d.dueOn, d.state]),
      [
        ['no_conditions', '2026-02-23', 'met'],
        ['last_verification', '2026-08-12', 'due'],
      ]
    )
  })

  test('publication 5 wd, update 3 wd after a change, removal 2 wd after the status ends (30/4–1/5 holidays)', async ({
    assert,
  }) => {
    const events = [
      ev('decision_approved', '2026-02-05'),
      ev('verified', '2026-02-11', { result: 'no_conditions' }),
      ev('no_conditions', '2026-02-12'),
      ev('reduction', '2026-03-02', { amount: 1 } as any),
      ev('resume', '2026-04-24'),
    ]
    const f = facts({
      events,
      publications: [
        { action: 'publish', effectiveDate: '2026-02-25' },
        { action: 'update', effectiveDate: '2026-03-06' },
      ],
    })
    const all = await deadlinesFor(f, '2026-05-04')
    const by = (k: string) => all.filter((d) => d.kind === k)
    assert.equal(by('publication')[0].dueOn, '2026-02-26')
    assert.equal(by('publication')[0].state, 'met')
    assert.equal(by('publication_update')[0].dueOn, '2026-03-05')
    assert.equal(by('publication_update')[0].state, 'met_late')
    // Fri 24/04 → Mon 27/04 compensatory day off → Tue 28, Wed 29.
    assert.equal(by('publication_removal')[0].dueOn, '2026-04-29')
    assert.equal(by('publication_removal')[0].state, 'overdue')
    assert.equal(by('publication_removal')[0].daysLate, 5)
    // The ended no-conditions span owes no further re-verification.
    assert.isTrue(by('reverification').every((d) => d.state !== 'overdue'))

    const removed = await deadlinesFor(
      {
        ...f,
        publications: [...f.publications, { action: 'remove', effectiveDate: '2026-04-28' }],
      },
      '2026-05-04'
    )
    assert.equal(removed.find((d) => d.kind === 'publication_removal')!.state, 'met')
  })

  test('a terminal case keeps what was met and the pending removal, and drops moot deadlines', async ({
    assert,
  }) => {
    const f = facts({
      status: 'terminated',
      events: [
        ev('decision_approved', '2026-02-05'),
        ev('no_conditions', '2026-02-12'),
        ev('terminated', '2026-03-10'),
      ],
      publications: [{ action: 'publish', effectiveDate: '2026-02-13' }],
    })
    const all = await deadlinesFor(f, '2026-05-04')
    assert.deepEqual(
      all.map((d) => [d.kind, d.state]),
      [
        ['verification', 'met'],
        ['publication', 'met'],
        ['publication_removal', 'overdue'],
      ]
    )
  })
})
