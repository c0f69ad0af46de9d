import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { acceptedCase, day, pinClock } from '../cases/_setup.js'

const WRONG = [true, [1000], '1e3', ' 1000 ', 1000.5, '10.5', { n: 1 }, 2 ** 53, -(2 ** 53)]

async function bearer(user: User) {
  return `Bearer ${(await User.accessTokens.create(user, ['cases:read', 'cases:write'])).value!.release()}`
}

test.group('money amounts refuse wrong types (API)', (group) => {
  pinClock(group)

  test('each wrong amount type is 422 with a clear message and records nothing', async ({
    client,
    assert,
  }) => {
    const { c, officer } = await acceptedCase()
    const auth = await bearer(officer)
    const before = await db.from('money_entries').where('case_id', c.id).count('* as n')
    for (const amount of WRONG) {
      const res = await client
        .post(`/api/v1/cases/${c.id}/money`)
        .header('authorization', auth)
        .json({ kind: 'collected', amount, receipt_number: 'BL-T', effective_date: day(3) })
      res.assertStatus(422)
      const error = res.body().errors.find((e: any) => e.field === 'amount')
      assert.exists(error, JSON.stringify(amount))
      assert.equal(error.rule, 'vnd_amount')
      assert.include(error.message, 'số tiền nguyên')
    }
    const after = await db.from('money_entries').where('case_id', c.id).count('* as n')
    assert.equal(Number(after[0].n), Number(before[0].n))
    // A genuine amount, as an integer or as digits, still goes through.
    for (const amount of [1000, '2000']) {
      const ok = await client
        .post(`/api/v1/cases/${c.id}/money`)
        .header('authorization', auth)
        .json({ kind: 'collected', amount, receipt_number: 'BL-OK', effective_date: day(3) })
      ok.assertStatus(201)
    }
  })

  test('obligation amounts of a draft decision are strict too', async ({ client, assert }) => {
    const { clerk } = await acceptedCase()
    const auth = await bearer(clerk)
    for (const amount of [true, [5000], '5e3', ' 5000', 0]) {
      const res = await client
        .post('/api/v1/decisions')
        .header('authorization', auth)
        .json({
          kind: 'ex_officio',
          parties: [{ role: 'debtor', name: 'Nguyễn Văn A' }],
          obligations: [{ kind: 'money', description: 'Bồi thường', amount }],
        })
      res.assertStatus(422)
      assert.isTrue(
        res.body().errors.some((e: any) => String(e.field).endsWith('amount')),
        JSON.stringify(amount)
      )
    }
  })
})
