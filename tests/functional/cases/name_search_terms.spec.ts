/**
 * The case list's name search reads `case_search_terms` (issue 10 item 3): cases written in bulk have no terms
 * until `search:rebuild`; after it, a name is found with or without diacritics (đ/d included), by the start
 * of any word, within the reader's scope only; a `%` still matches itself (LIKE path).
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { rebuildSearchTerms } from '#cases'
import { as, makeUser } from '#tests/helpers/factories'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'

async function numbers(client: any, user: any, q: string) {
  const page = await as(client.get(`/cases?q=${encodeURIComponent(q)}&sort=number&dir=asc`), user)
  page.assertStatus(200)
  return [...page.text().matchAll(/<a href="\/cases\/\d+">([^<]+)<\/a>/g)].map((m) => m[1])
}

test.group('Case list: name search on the search terms', () => {
  test('search:rebuild writes the terms of bulk cases; the list finds names without diacritics', async ({
    client,
    assert,
  }) => {
    const { districts } = await makeProvinceTree(2)
    const a = await writeCase(districts[0], '2024-10-01', [], {
      number: 'NS-1',
      debtor_name: 'Nguyễn Văn Đức',
    })
    await writeCase(districts[0], '2024-10-02', [], {
      number: 'NS-2',
      debtor_name: 'Trần Thị Hoa',
      creditor_name: 'Công ty Đông Á',
    })
    await writeCase(districts[0], '2024-10-03', [], {
      number: 'NS-3',
      debtor_name: 'Giàng 100% Nợ',
    })
    await writeCase(districts[1], '2024-10-04', [], { number: 'NS-4', debtor_name: 'Lê Đức Anh' })
    assert.lengthOf(await db.from('case_search_terms').where('case_id', a), 0)

    const done = await rebuildSearchTerms({ chunk: 2 })
    assert.isAtLeast(done.cases, 4)
    const terms = await db.from('case_search_terms').where('case_id', a).orderBy('term')
    assert.includeMembers(
      terms.map((t) => `${t.kind}:${t.term}`),
      ['number:ns 1', 'party:nguyen van duc', 'party:van duc', 'party:duc']
    )
    // Idempotent: a second run replaces, never duplicates.
    await rebuildSearchTerms({ chunk: 3 })
    assert.lengthOf(await db.from('case_search_terms').where('case_id', a), terms.length)

    const head = await makeUser(districts[0].code, ['head'])
    assert.deepEqual(await numbers(client, head, 'duc'), ['NS-1'])
    assert.deepEqual(await numbers(client, head, 'Đức'), ['NS-1'])
    assert.deepEqual(await numbers(client, head, 'van d'), ['NS-1'])
    assert.deepEqual(await numbers(client, head, 'dong a'), ['NS-2'])
    assert.deepEqual(await numbers(client, head, 'hoa'), ['NS-2'])
    // The percent sign keeps matching itself.
    assert.deepEqual(await numbers(client, head, '%'), ['NS-3'])
    // Out of scope: the other district's "Lê Đức Anh" is not found by this head.
    const provinceHead = await makeUser(
      (await db.from('units').where('id', districts[0].parentId!).first()).code,
      ['head']
    )
    assert.deepEqual(await numbers(client, provinceHead, 'duc'), ['NS-1', 'NS-4'])
  })
})
