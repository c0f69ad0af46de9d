import { test } from '@japa/runner'
import { Case, visibleCases } from '#cases'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { acceptedCase, day, pinClock, refusalAudited } from './_setup.js'

test.group('Cases: who may read and act (SPEC §2)', (group) => {
  pinClock(group)

  test('each role reads exactly its scope', async ({ assert }) => {
    const { c, clerk, head, officer } = await acceptedCase({
      unit: UNITS.badinh,
      debtor: 'Người Phạm Vi',
    })
    const elsewhere = await acceptedCase({ unit: UNITS.sapa })
    const ids = async (u: any) =>
      (await visibleCases(u).where('draft_status', 'approved').select('id')).map((r: Case) => r.id)
    const provinceHead = await makeUser(UNITS.hanoi, ['statistician'])
    const otherProvince = await makeUser(UNITS.laocai, ['admin'])
    const inspector = await makeUser(UNITS.national, ['inspector'])
    const otherOfficer = await makeUser(UNITS.badinh, ['officer'])
    const keeper = await makeUser(UNITS.badinh, ['warehouse_keeper'])
    assert.include(await ids(clerk), c.id)
    assert.include(await ids(head), c.id)
    assert.include(await ids(officer), c.id)
    assert.include(await ids(provinceHead), c.id)
    assert.include(await ids(inspector), c.id)
    assert.include(await ids(inspector), elsewhere.c.id)
    assert.notInclude(await ids(otherProvince), c.id)
    assert.include(await ids(otherProvince), elsewhere.c.id)
    assert.notInclude(await ids(otherOfficer), c.id)
    assert.notInclude(await ids(clerk), elsewhere.c.id)
    assert.deepEqual(await ids(keeper), [])
  })

  test('case page: other officer, other district, warehouse keeper get 403 and the attempt is audited', async ({
    client,
  }) => {
    const { c } = await acceptedCase()
    for (const [unit, roles] of [
      [UNITS.badinh, ['officer']],
      [UNITS.caugiay, ['head']],
      [UNITS.sapa, ['intake_clerk']],
      [UNITS.laocai, ['statistician']],
    ] as const) {
      const user = await makeUser(unit, [...roles])
      const res = await as(client.get(`/cases/${c.id}`), user)
      res.assertStatus(403)
      if (!(await refusalAudited(user, c.id)))
        throw new Error(`no audit row for ${roles} of ${unit}`)
    }
    const keeper = await makeUser(UNITS.badinh, ['warehouse_keeper'])
    ;(await as(client.get('/cases'), keeper)).assertStatus(403)
    if (!(await refusalAudited(keeper))) throw new Error('no audit row for the keeper')
  })

  test('readers who may not act: head, clerk, inspector, province statistician cannot record', async ({
    client,
    assert,
  }) => {
    const { c, clerk, head } = await acceptedCase()
    const inspector = await makeUser(UNITS.national, ['inspector'])
    const stat = await makeUser(UNITS.hanoi, ['statistician'])
    for (const user of [clerk, head, inspector, stat]) {
      const page = await as(client.get(`/cases/${c.id}`), user)
      page.assertStatus(200)
      assert.notInclude(page.text(), 'data-action="notified"')
      const res = await as(client.post(`/cases/${c.id}/money`), user)
        .withCsrfToken()
        .form({ kind: 'collected', amount: 1000, receipt_number: 'X', effective_date: day(1) })
        .redirects(0)
      res.assertStatus(403)
      assert.isTrue(await refusalAudited(user, c.id))
    }
    assert.equal((await Case.findOrFail(c.id)).remaining, 10_000_000)
  })

  test('an officer of another district cannot record on a case, even knowing its id', async ({
    client,
    assert,
  }) => {
    const { c } = await acceptedCase({ unit: UNITS.badinh })
    const intruder = await makeUser(UNITS.caugiay, ['officer'])
    const res = await as(client.post(`/cases/${c.id}/events`), intruder)
      .withCsrfToken()
      .form({ type: 'terminated', effective_date: day(1), legal_ground: '50.1.a' })
      .redirects(0)
    res.assertStatus(403)
    assert.isTrue(await refusalAudited(intruder, c.id))
    assert.equal((await Case.findOrFail(c.id)).status, 'in_progress')
  })

  test('approval belongs to the head of the case unit; drafting to its clerks', async ({
    client,
    assert,
  }) => {
    const { clerk } = await acceptedCase()
    const judgmentRes = await as(client.post('/judgments'), clerk)
      .withCsrfToken()
      .form({
        number: 'ACL-1',
        judgment_date: day(0),
        court: 'TAND',
        type: 'civil',
        received_on: day(0),
      })
      .redirects(0)
    judgmentRes.assertStatus(302)
    const { Judgment, SaveDraftDecision } = await import('#cases')
    const judgment = await Judgment.query().where('number', 'ACL-1').firstOrFail()
    const draft = await new SaveDraftDecision().handle(clerk, {
      kind: 'ex_officio',
      judgmentId: judgment.id,
      parties: [{ role: 'debtor', name: 'X' }],
      obligations: [{ kind: 'non_money', description: 'Giao nhà' }],
      submit: true,
    })
    const officer = await makeUser(UNITS.badinh, ['officer'])
    const provinceHead = await makeUser(UNITS.hanoi, ['head'])
    const otherHead = await makeUser(UNITS.caugiay, ['head'])
    for (const user of [provinceHead, otherHead, clerk, officer]) {
      const res = await as(client.post(`/decisions/${draft.id}/approve`), user)
        .withCsrfToken()
        .form({ decision_date: day(1), officer_id: officer.id })
        .redirects(0)
      res.assertStatus(403)
      assert.isTrue(await refusalAudited(user, draft.id))
    }
    assert.equal((await Case.findOrFail(draft.id)).draftStatus, 'submitted')
    // A clerk of another unit cannot register judgments for this one nor refuse its requests.
    const head = await makeUser(UNITS.badinh, ['head'])
    const res = await as(client.post('/judgments'), head)
      .withCsrfToken()
      .form({
        number: 'H-1',
        judgment_date: day(0),
        court: 'TAND',
        type: 'civil',
        received_on: day(0),
      })
      .redirects(0)
    res.assertStatus(403)
    assert.isTrue(await refusalAudited(head))
  })

  test('lists filter, sort, page and show an empty state', async ({ client, assert }) => {
    const a = await acceptedCase({ unit: UNITS.camau, amount: 1_000_000, debtor: 'Ông Lọc Thử' })
    await acceptedCase({ unit: UNITS.camau, amount: 3_000_000, debtor: 'Bà Khác' })
    const head = await makeUser(UNITS.camau, ['head'])
    let res = await as(client.get('/cases?q=L%E1%BB%8Dc'), head)
    res.assertTextIncludes('Ông Lọc Thử')
    assert.notInclude(res.text(), 'Bà Khác')
    res = await as(client.get('/cases?sort=remaining&dir=desc&status=in_progress&credit=1'), head)
    assert.isBelow(res.text().indexOf('Bà Khác'), res.text().indexOf('Ông Lọc Thử'))
    res = await as(client.get(`/cases?officer_id=${a.officer.id}`), head)
    assert.notInclude(res.text(), 'Bà Khác')
    res = await as(client.get('/cases?status=completed'), head)
    res.assertTextIncludes('Không có việc nào phù hợp')
    res = await as(client.get('/cases?from=2000-01-01&to=2000-01-02&per_page=1'), head)
    res.assertTextIncludes('Không có việc nào phù hợp')
    res = await as(client.get('/cases?per_page=1'), head)
    res.assertTextIncludes('Trang 1/')
    res = await as(client.get('/'), a.officer)
    res.assertTextIncludes('data-widget="cases.mine"')
    res = await as(client.get('/'), head)
    res.assertTextIncludes('data-widget="cases.queue"')
  })
})
