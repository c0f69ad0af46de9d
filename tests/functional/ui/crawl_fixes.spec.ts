import { test } from '@japa/runner'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { setToday } from '#core'
import { RecordEvent } from '#cases'
import { acceptedCase, day, pinClock } from '../cases/_setup.js'

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

test.group("the officer's inbox names the reverification interval (was a 500)", (group) => {
  pinClock(group)

  test('a case without conditions shows its reverification due within the week, with its months', async ({
    client,
  }) => {
    const { officer, c } = await acceptedCase({ unit: UNITS.camau })
    await new RecordEvent().handle(officer, c.id, {
      type: 'verified',
      effectiveDate: day(3),
      data: { result: 'no_conditions' },
    })
    await new RecordEvent().handle(officer, c.id, {
      type: 'no_conditions',
      effectiveDate: day(4),
      legalGround: '44a.1.a',
    })
    // six months later, the reverification (due on the first working day from 6 May 2027) is within the week
    setToday('2027-05-03')
    const inbox = await as(client.get('/inbox'), officer)
    inbox.assertStatus(200)
    inbox.assertTextIncludes('Xác minh lại việc chưa có điều kiện thi hành (6 tháng)')
  })
})
