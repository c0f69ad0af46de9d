import { test } from '@japa/runner'
import { SaveDraftDecision } from '#cases'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { acceptedCase, pinClock } from './_setup.js'

test.group('Cases: every page renders for the roles that use it', (group) => {
  pinClock(group)

  test('forms, registers, queue, case page and tokens render; empty states show', async ({
    client,
    assert,
  }) => {
    const { c, clerk, head, officer, judgment } = await acceptedCase({ unit: UNITS.caugiay })
    for (const url of [
      '/judgments',
      '/judgments/new',
      '/requests',
      '/requests/new',
      '/decisions',
      '/decisions/new',
      `/decisions/new?judgment_id=${judgment.id}`,
      '/account/tokens',
      `/cases/${c.id}`,
      '/',
    ]) {
      const res = await as(client.get(url), clerk)
      assert.equal(res.status(), 200, url)
    }
    const draft = await new SaveDraftDecision().handle(clerk, {
      kind: 'ex_officio',
      judgmentId: judgment.id,
      parties: [{ role: 'debtor', name: 'Hồ Thị Soạn' }],
      obligations: [{ kind: 'non_money', description: 'Giao trả nhà' }],
    })
    let res = await as(client.get(`/decisions/${draft.id}/edit`), clerk)
    res.assertTextIncludes('Hồ Thị Soạn')
    res = await as(client.get(`/decisions/${draft.id}`), clerk)
    res.assertTextIncludes('id="draft-submit"')
    await as(client.post(`/decisions/${draft.id}/submit`), clerk)
      .withCsrfToken()
      .redirects(0)
    res = await as(client.get(`/decisions/${draft.id}`), head)
    res.assertTextIncludes('id="draft-approve"')
    res.assertTextIncludes(officer.fullName)
    res = await as(client.get(`/cases/${c.id}`), head)
    res.assertTextIncludes('data-action="assign"')
    res = await as(client.get(`/cases/${c.id}`), officer)
    res.assertTextIncludes('data-action="no_conditions"')
    res.assertTextIncludes('44a.1.c')
    res = await as(client.get('/'), clerk)
    res.assertTextIncludes('data-widget="cases.drafts"')
    const fresh = await makeUser(UNITS.laocai, ['intake_clerk'])
    res = await as(client.get('/judgments?q=kh%C3%B4ng-c%C3%B3'), fresh)
    res.assertTextIncludes('Chưa có bản án nào phù hợp')
    res = await as(client.get('/requests?q=kh%C3%B4ng-c%C3%B3'), fresh)
    res.assertTextIncludes('Chưa có đơn nào phù hợp')
    res = await as(client.get('/decisions'), fresh)
    res.assertTextIncludes('Không có dự thảo nào')
    res = await as(client.get('/cases/mine'), officer)
    res.assertTextIncludes(c.number!)
  })
})
