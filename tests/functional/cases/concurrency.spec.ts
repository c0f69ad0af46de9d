import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { Case, caseStateAsOf } from '#cases'
import { CreateJudgment, SaveDraftDecision } from '#cases'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { acceptedCase, day, pinClock, staff, TODAY } from './_setup.js'

test.group('Cases: concurrent money postings', (group) => {
  pinClock(group)

  test('50 parallel collections over HTTP: none lost, the cache equals the ledger', async ({
    client,
    assert,
  }) => {
    const { c, officer } = await acceptedCase({ amount: 100_000_000 })
    const token = await User.accessTokens.create(officer, ['cases:write'])
    const auth = `Bearer ${token.value!.release()}`
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client
          .post(`/api/v1/cases/${c.id}/money`)
          .header('authorization', auth)
          .json({
            kind: 'collected',
            amount: 1_000 + i,
            receipt_number: `BL-${i}`,
            effective_date: day(1 + (i % 5)),
          })
      )
    )
    assert.deepEqual([...new Set(responses.map((r) => r.status()))], [201])
    const expected = Array.from({ length: 50 }, (_, i) => 1_000 + i).reduce((a, b) => a + b, 0)
    const sum = await db
      .from('money_entries')
      .where('case_id', c.id)
      .where('kind', 'collected')
      .sum('amount as total')
      .count('* as n')
      .first()
    assert.equal(Number(sum.total), expected)
    assert.equal(Number(sum.n), 50)
    const cached = await Case.findOrFail(c.id)
    assert.equal(cached.remaining, 100_000_000 - expected)
    assert.equal(cached.held, expected)
    assert.equal(cached.version, 1 + 50) // approval + one bump per posting
    assert.deepInclude(await caseStateAsOf(c.id, TODAY), {
      remaining: cached.remaining,
      held: cached.held,
    })
  })

  test('parallel postings that together exceed the remaining amount: exactly the affordable ones pass', async ({
    client,
    assert,
  }) => {
    const { c, officer } = await acceptedCase({ amount: 10_000 })
    const token = await User.accessTokens.create(officer, ['cases:write'])
    const auth = `Bearer ${token.value!.release()}`
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client
          .post(`/api/v1/cases/${c.id}/money`)
          .header('authorization', auth)
          .json({
            kind: 'collected',
            amount: 1_000,
            receipt_number: `R-${i}`,
            effective_date: day(1),
          })
      )
    )
    assert.equal(responses.filter((r) => r.status() === 201).length, 10)
    assert.equal(responses.filter((r) => r.status() === 422).length, 10)
    const cached = await Case.findOrFail(c.id)
    assert.equal(cached.remaining, 0)
    assert.equal(cached.held, 10_000)
  })
})

test.group('Cases: concurrent approvals', (group) => {
  pinClock(group)

  test('parallel approvals in a fresh unit take distinct consecutive numbers, none fails', async ({
    client,
    assert,
  }) => {
    // A unit with no decision yet this year: the numbering range is empty, the hardest case for row locks.
    const { districts } = await makeProvinceTree(1)
    const people = await staff(districts[0].code)
    const drafts = []
    for (let i = 0; i < 8; i++) {
      const judgment = await new CreateJudgment().handle(people.clerk, {
        number: `${i + 1}/2026/DS-ST`,
        judgmentDate: day(0),
        court: 'TAND huyện Thử Nghiệm',
        type: 'civil',
        receivedOn: day(0),
      })
      drafts.push(
        await new SaveDraftDecision().handle(people.clerk, {
          kind: 'ex_officio',
          judgmentId: judgment.id,
          parties: [{ role: 'debtor', name: `Người phải thi hành ${i}` }],
          obligations: [
            { kind: 'money', description: 'Trả tiền', amount: 1_000_000, payee: 'creditor' },
          ],
          submit: true,
        })
      )
    }
    const token = await User.accessTokens.create(people.head, ['cases:write'])
    const auth = `Bearer ${token.value!.release()}`
    const responses = await Promise.all(
      drafts.map((d) =>
        client
          .post(`/api/v1/decisions/${d.id}/approve`)
          .header('authorization', auth)
          .json({ decision_date: day(1), officer_id: people.officer.id })
      )
    )
    assert.deepEqual([...new Set(responses.map((r) => r.status()))], [200])
    const numbers = await db
      .from('cases')
      .whereIn(
        'id',
        drafts.map((d) => d.id)
      )
      .orderBy('seq')
      .select('seq', 'number')
    assert.deepEqual(
      numbers.map((n) => Number(n.seq)),
      [1, 2, 3, 4, 5, 6, 7, 8]
    )
  })
})
