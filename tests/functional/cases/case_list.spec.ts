import { test } from '@japa/runner'
import { RecordCollection } from '#cases'
import db from '@adonisjs/lucid/services/db'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { acceptedCase, day, pinClock } from './_setup.js'

const ids = (html: string) => [...html.matchAll(/href="\/cases\/(\d+)"/g)].map((m) => Number(m[1]))
const link = (html: string, rel: 'next' | 'prev') =>
  new RegExp(`<a href="([^"]+)" rel="${rel}"`).exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null

test.group('Case list: keyset pages, sortable columns, search by number', (group) => {
  pinClock(group)

  test('pages follow keyset cursors forwards and back, without gaps or repeats', async ({
    client,
    assert,
  }) => {
    const unit = UNITS.laocai
    for (let i = 0; i < 3; i++) await acceptedCase({ unit, decisionDate: day(i) })
    const head = await makeUser(unit, ['head'])
    const first = await as(client.get('/cases?per_page=2&sort=decision_date&dir=asc'), head)
    first.assertStatus(200)
    const all = ids(
      (await as(client.get('/cases?per_page=100&sort=decision_date&dir=asc'), head)).text()
    )
    assert.isAtLeast(all.length, 3)
    const seen = ids(first.text())
    let next = link(first.text(), 'next')
    let last = first.text()
    while (next) {
      const res = await as(client.get(next), head)
      res.assertStatus(200)
      seen.push(...ids(res.text()))
      last = res.text()
      next = link(res.text(), 'next')
    }
    assert.deepEqual(seen, all)
    // Back from the last page: the page before it, in the same order.
    const prev = link(last, 'prev')
    assert.isNotNull(prev)
    const back = await as(client.get(prev!), head)
    const shown = ids(back.text())
    assert.deepEqual(shown, all.slice(all.indexOf(shown[0]), all.indexOf(shown[0]) + shown.length))
    // A damaged cursor shows the first page instead of failing.
    const damaged = await as(client.get('/cases?per_page=2&after=not-a-cursor'), head)
    damaged.assertStatus(200)
    assert.deepEqual(ids(damaged.text()).length, 2)
  })

  test('column headers sort the list and say which way', async ({ client, assert }) => {
    const { head } = await acceptedCase({ unit: UNITS.laocai, amount: 7_000_000 })
    const res = await as(client.get('/cases?sort=remaining&dir=desc'), head)
    res.assertStatus(200)
    res.assertTextIncludes('data-sort="remaining"')
    assert.match(res.text(), /aria-sort="descending" data-sort="remaining"/)
    // clicking the active column reverses it; another column starts descending
    assert.include(res.text(), 'sort=remaining&amp;dir=asc')
    assert.include(res.text(), 'sort=debtor_name&amp;dir=desc')
    const amounts = [
      ...res.text().matchAll(/<td class="num">([\d.]+) ₫<\/td>\s*<td class="num">/g),
    ].map((m) => Number(m[1].replace(/\./g, '')))
    assert.deepEqual(
      amounts,
      [...amounts].sort((a, b) => b - a)
    )
  })

  test('search finds a case by its judgment number or a receipt number, within reach only', async ({
    client,
    assert,
  }) => {
    const a = await acceptedCase({ unit: UNITS.camau, amount: 5_000_000 })
    const b = await acceptedCase({ unit: UNITS.camau })
    const receipt = `BL-${Date.now()}`
    await new RecordCollection().handle(a.officer, a.c.id, {
      amount: 1_000_000,
      effectiveDate: day(2),
      receiptNumber: receipt,
    })
    let res = await as(client.get(`/cases?q=${encodeURIComponent(a.judgment.number!)}`), a.head)
    assert.include(ids(res.text()), a.c.id)
    assert.notInclude(ids(res.text()), b.c.id)
    res = await as(client.get(`/cases?q=${encodeURIComponent(receipt)}`), a.head)
    assert.deepEqual(ids(res.text()), [a.c.id])
    res = await as(client.get(`/cases?q=${encodeURIComponent(a.c.number!)}`), a.head)
    assert.include(ids(res.text()), a.c.id)
    // Out of reach: another province's head finds nothing by the same numbers.
    const stranger = await makeUser(UNITS.laocai, ['head'])
    res = await as(client.get(`/cases?q=${encodeURIComponent(receipt)}`), stranger)
    assert.deepEqual(ids(res.text()), [])
    // Wildcards typed by the user match themselves.
    res = await as(client.get('/cases?q=%25'), a.head)
    res.assertStatus(200)
    assert.deepEqual(ids(res.text()), [])
  })

  test('saved filters belong to their user: saved, listed, applied and deleted, others refused', async ({
    client,
    assert,
  }) => {
    const head = await makeUser(UNITS.camau, ['head'])
    let res = await as(
      client
        .post('/cases/filters')
        .form({
          name: 'Đang thi hành, nhiều tiền',
          status: 'in_progress',
          sort: 'remaining',
          dir: 'desc',
          after: 'x',
          page: 3,
        })
        .withCsrfToken()
        .redirects(0),
      head
    )
    res.assertStatus(302)
    assert.equal(res.header('location'), '/cases?status=in_progress&sort=remaining&dir=desc')
    const row = await db.from('saved_case_filters').where('user_id', head.id).firstOrFail()
    assert.equal(row.query, 'status=in_progress&sort=remaining&dir=desc')
    assert.lengthOf(await auditRows({ action: 'case_filter.saved', actorId: head.id }), 1)
    res = await as(client.get('/cases'), head)
    res.assertTextIncludes(`data-saved-filter="${row.id}"`)
    res.assertTextIncludes('Đang thi hành, nhiều tiền')
    res.assertTextIncludes('/cases?status=in_progress&amp;sort=remaining&amp;dir=desc')
    // A name is required; nothing is stored.
    res = await as(
      client.post('/cases/filters').form({ name: ' ' }).withCsrfToken().redirects(0),
      head
    )
    res.assertStatus(302)
    assert.lengthOf(await db.from('saved_case_filters').where('user_id', head.id), 1)
    // Another user neither sees nor deletes it.
    const other = await makeUser(UNITS.camau, ['statistician'])
    res = await as(client.get('/cases'), other)
    assert.notInclude(res.text(), `data-saved-filter="${row.id}"`)
    res = await as(
      client.post(`/cases/filters/${row.id}/delete`).withCsrfToken().redirects(0),
      other
    )
    res.assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: other.id }), 1)
    res = await as(
      client.post(`/cases/filters/${row.id}/delete`).withCsrfToken().redirects(0),
      head
    )
    res.assertStatus(302)
    assert.isNull(await db.from('saved_case_filters').where('id', row.id).first())
    assert.lengthOf(await auditRows({ action: 'case_filter.deleted', actorId: head.id }), 1)
    // Roles without the case list cannot save.
    const keeper = await makeUser(UNITS.camau, ['warehouse_keeper'])
    res = await as(
      client.post('/cases/filters').form({ name: 'x' }).withCsrfToken().redirects(0),
      keeper
    )
    res.assertStatus(403)
  })
})
