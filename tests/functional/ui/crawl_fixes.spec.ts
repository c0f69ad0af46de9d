import { test } from '@japa/runner'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'

/** Findings of bench/crawl.ts: no page offers a link its reader is refused. */
test.group('no links to refused pages (quality crawl)', () => {
  test('the overview card links the submissions board for heads, not for admins', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.hanoi, ['admin'])
    const head = await makeUser(UNITS.hanoi, ['head'])
    const a = await as(client.get('/'), admin)
    a.assertStatus(200)
    assert.notInclude(a.text(), 'href="/periods/submissions"')
    const h = await as(client.get('/'), head)
    h.assertTextIncludes('href="/periods/submissions"')
    const board = await as(client.get('/periods/submissions'), head)
    board.assertStatus(200)
  })

  test('the periods page offers edit requests only to those who may file or list them', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.badinh, ['admin'])
    const statistician = await makeUser(UNITS.badinh, ['statistician'])
    const a = await as(client.get('/periods'), admin)
    a.assertStatus(200)
    assert.notInclude(a.text(), '/periods/requests')
    const refused = await as(client.get('/periods/requests'), admin)
    refused.assertStatus(403)
    const s = await as(client.get('/periods'), statistician)
    s.assertTextIncludes('href="/periods/requests"')
  })

  test('an inspector reads actors in the audit viewer without account links (refused to it)', async ({
    client,
    assert,
  }) => {
    const inspector = await makeUser(UNITS.hanoi, ['inspector'])
    const refused = await as(client.get('/users'), inspector)
    refused.assertStatus(403)
    assert.isAbove((await auditRows({ action: 'access.denied', actorId: inspector.id })).length, 0)
    const page = await as(
      client.get(`/audit?actor=${encodeURIComponent(inspector.email)}`),
      inspector
    )
    page.assertStatus(200)
    // the refusal row is listed, with the inspector's name as plain text
    page.assertTextIncludes(inspector.fullName)
    assert.notMatch(page.text(), /href="\/users\/\d+"/)
    const admin = await makeUser(UNITS.national, ['admin'])
    const adminPage = await as(client.get('/audit'), admin)
    assert.match(adminPage.text(), /href="\/users\/\d+"/)
  })
})
