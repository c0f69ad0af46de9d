import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { Case, caseStateAsOf } from '#cases'
import { acceptedCase, day, pinClock, TODAY } from './_setup.js'

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
