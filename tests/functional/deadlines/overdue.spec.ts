import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday } from '#core'
import { User } from '#accounts'
import { CreateRequest, RecordEvent, RecordPublication, overdueItems } from '#cases'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { acceptedCase, day, pinClock, refusalAudited, TODAY } from '../cases/_setup.js'

async function tokenFor(user: User) {
  const token = await User.accessTokens.create(user, ['cases:read', 'cases:write'])
  return `Bearer ${token.value!.release()}`
}

/** Three weeks after the pinned day: the verification of a case accepted on day(0) is then overdue. */
const LATER = '2026-12-15'

test.group('Deadlines: case page, overdue lists, publication acts', (group) => {
  pinClock(group)

  test('the case page shows each deadline with its due day and state', async ({ client }) => {
    const { officer, c } = await acceptedCase()
    await new RecordEvent().handle(officer, c.id, {
      type: 'verified',
      effectiveDate: day(3),
      data: { result: 'no_conditions' },
    })
    const res = await as(client.get(`/cases/${c.id}`), officer)
    res.assertStatus(200)
    res.assertTextIncludes('id="case-deadlines"')
    // Accepted on 02/11/2026: verification due 02/11 + 20 days = Sunday 22/11 → Monday 23/11; met on 05/11.
    res.assertTextIncludes('data-deadline="verification" data-state="met"')
    res.assertTextIncludes('23/11/2026')
    // No-conditions decision: 5 working days after 05/11 = 12/11, not taken by the pinned 20/11.
    res.assertTextIncludes('data-deadline="no_conditions_decision" data-state="overdue"')
    res.assertTextIncludes('Quá hạn 8 ngày')
    const api = await client
      .get(`/api/v1/cases/${c.id}/deadlines`)
      .header('authorization', await tokenFor(officer))
    api.assertStatus(200)
    api.assertBodyContains({ data: [{ kind: 'verification', state: 'met', due_on: '2026-11-23' }] })
    const outsider = await client
      .get(`/api/v1/cases/${c.id}/deadlines`)
      .header('authorization', await tokenFor(await makeUser(UNITS.badinh, ['officer'])))
    outsider.assertStatus(403)
  })

  test('"my overdue items" lists only the officer\'s cases; the unit list filters, pages and stays in reach', async ({
    client,
    assert,
    cleanup,
  }) => {
    cleanup(() => setToday(TODAY))
    const a = await acceptedCase({ unit: UNITS.camau })
    const b = await acceptedCase({ unit: UNITS.camau })
    const head = await makeUser(UNITS.camau, ['head'])
    const pending = []
    for (let i = 0; i < 26; i++) {
      pending.push(
        await new CreateRequest().handle(a.clerk, {
          requester: `Người yêu cầu ${i}`,
          receivedOn: day(1),
          content: 'Yêu cầu thi hành',
        })
      )
    }
    setToday(LATER)
    let res = await as(client.get('/deadlines/mine'), a.officer)
    res.assertStatus(200)
    res.assertTextIncludes(`data-case="${a.c.id}"`)
    assert.notInclude(res.text(), `data-case="${b.c.id}"`)

    res = await as(client.get('/'), a.officer)
    res.assertTextIncludes('data-widget="deadlines.mine"')
    res.assertTextIncludes('id="overdue-mine-count">1<')

    res = await as(client.get('/deadlines'), head)
    res.assertStatus(200)
    res.assertTextIncludes('Trang 1')
    res = await as(client.get('/deadlines?kind=verification'), head)
    res.assertTextIncludes(`data-case="${a.c.id}"`)
    res.assertTextIncludes(`data-case="${b.c.id}"`)
    assert.notInclude(res.text(), 'data-kind="request_decision"')
    res = await as(client.get(`/deadlines?officer_id=${b.officer.id}`), head)
    res.assertTextIncludes(`data-case="${b.c.id}"`)
    assert.notInclude(res.text(), `data-case="${a.c.id}"`)
    res = await as(client.get('/deadlines?kind=request_decision&page=2'), head)
    res.assertTextIncludes('data-kind="request_decision"')
    res = await as(client.get(`/deadlines?officer_id=${a.officer.id}&kind=publication`), head)
    res.assertTextIncludes('id="overdue-empty"')
    // The dashboard count is the unit list's total (other tests may add cases to the same unit).
    const total = (await overdueItems(head, {})).length
    assert.isAtLeast(total, 28)
    res = await as(client.get('/'), head)
    res.assertTextIncludes(`id="overdue-unit-count">${total}<`)

    // Another unit's head sees none of it; asking for an officer out of reach is refused and audited.
    const otherHead = await makeUser(UNITS.laocai, ['head'])
    res = await as(client.get('/deadlines'), otherHead)
    assert.notInclude(res.text(), `data-case="${a.c.id}"`)
    res = await as(client.get(`/deadlines?officer_id=${a.officer.id}`), otherHead)
    res.assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: otherHead.id }), 1)
    // Roles without a unit list.
    for (const user of [a.officer, a.clerk]) {
      res = await as(client.get('/deadlines'), user)
      res.assertStatus(403)
      assert.lengthOf(await auditRows({ action: 'access.denied', actorId: user.id }), 1)
    }
    res = await as(client.get('/deadlines/mine'), head)
    res.assertStatus(403)
  })

  test('publication acts and the 12-month interval: the assigned officer only, audited', async ({
    client,
    assert,
  }) => {
    const { officer, head, c } = await acceptedCase()
    await new RecordEvent().handle(officer, c.id, {
      type: 'no_conditions',
      effectiveDate: day(2),
      legalGround: '44a.1.a',
    })
    let res = await as(client.post(`/cases/${c.id}/publications`), officer)
      .withCsrfToken()
      .form({ action: 'publish', effective_date: day(4), reference: 'CV 15/THADS' })
      .redirects(0)
    res.assertStatus(302)
    assert.include(String(res.flashMessages().success), 'Công khai')
    assert.lengthOf(
      await auditRows({ action: 'case.publication_recorded', actorId: officer.id }),
      1
    )

    res = await as(client.post(`/cases/${c.id}/publications`), officer)
      .withCsrfToken()
      .form({ action: 'publish', effective_date: day(5) })
      .redirects(0)
    assert.include(String(res.flashMessages().error), 'đã được công khai ngày 06/11/2026')

    const stranger = await makeUser(UNITS.caugiay, ['officer'])
    for (const [user, reason] of [
      [head, 'not_assigned'],
      [stranger, 'outside_jurisdiction'],
    ] as const) {
      res = await as(client.post(`/cases/${c.id}/publications`), user)
        .withCsrfToken()
        .form({ action: 'update', effective_date: day(5) })
        .redirects(0)
      res.assertStatus(403)
      const rows = await auditRows({ action: 'access.denied', actorId: user.id })
      assert.equal(JSON.parse(rows[0].after).reason, reason)
    }
    assert.isTrue(await refusalAudited(stranger, c.id))

    res = await as(client.post(`/cases/${c.id}/reverify-interval`), officer)
      .withCsrfToken()
      .form({ reason: 'unknown_address' })
      .redirects(0)
    res.assertStatus(302)
    const row = await db.from('cases').where('id', c.id).first()
    assert.equal(row.reverify_reason, 'unknown_address')
    const page = await as(client.get(`/cases/${c.id}`), officer)
    page.assertTextIncludes('(12 tháng)')
    page.assertTextIncludes('data-deadline="publication" data-state="met"')
    res = await as(client.post(`/cases/${c.id}/reverify-interval`), head)
      .withCsrfToken()
      .form({ reason: 'six_months' })
      .redirects(0)
    res.assertStatus(403)

    // Resume ends the no-conditions span: removal falls due 2 working days later.
    await new RecordEvent().handle(officer, c.id, { type: 'resume', effectiveDate: day(9) })
    await new RecordPublication().handle(officer, c.id, {
      action: 'remove',
      effectiveDate: day(10),
    })
    const after = await as(client.get(`/cases/${c.id}`), officer)
    after.assertTextIncludes('data-deadline="publication_removal" data-state="met"')
    assert.equal(TODAY, '2026-11-20')
  })

  test('refusal messages show event types, statuses and amounts in words and VND', async ({
    client,
    assert,
  }) => {
    const { officer, c } = await acceptedCase({ amount: 1_500_000 })
    let res = await as(client.post(`/cases/${c.id}/events`), officer)
      .withCsrfToken()
      .form({ type: 'resume', effective_date: day(1) })
      .redirects(0)
    assert.equal(
      res.flashMessages().error,
      'Không thể ghi "Tiếp tục thi hành án" khi việc đang ở trạng thái "Đang thi hành".'
    )
    res = await as(client.post(`/cases/${c.id}/events`), officer)
      .withCsrfToken()
      .form({ type: 'completed', effective_date: day(1) })
      .redirects(0)
    assert.include(String(res.flashMessages().error), 'còn 1.500.000 ₫ phải thi hành và 0 ₫')
    res = await as(client.post(`/cases/${c.id}/money`), officer)
      .withCsrfToken()
      .form({
        kind: 'collected',
        amount: 2_000_000,
        effective_date: day(1),
        receipt_number: 'BL-1',
      })
      .redirects(0)
    assert.include(String(res.flashMessages().error), '(1.500.000 ₫)')
    // The API keeps the raw facts for machines, and the formatted message for people.
    const api = await client
      .post(`/api/v1/cases/${c.id}/events`)
      .header('authorization', await tokenFor(officer))
      .json({ type: 'resume', effective_date: day(1) })
    api.assertStatus(422)
    assert.equal(api.body().errors[0].data.event, 'resume')
    assert.include(api.body().errors[0].message, 'Tiếp tục thi hành án')
  })
})
