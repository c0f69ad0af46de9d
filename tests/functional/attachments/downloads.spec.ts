import { test } from '@japa/runner'
import { User } from '#accounts'
import { CreateRequest } from '#cases'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { acceptedCase, day, pinClock, refusalAudited } from '../cases/_setup.js'
import { PDF, PNG } from './_samples.js'

async function tokenFor(user: User, abilities = ['cases:read', 'cases:write']) {
  const token = await User.accessTokens.create(user, abilities)
  return `Bearer ${token.value!.release()}`
}

async function attach(
  client: any,
  user: User,
  owner: string,
  id: number,
  bytes: Buffer,
  name: string
) {
  const res = await client
    .post(`/api/v1/attachments/${owner}/${id}`)
    .header('authorization', await tokenFor(user))
    .file('file', bytes, { filename: name })
  res.assertStatus(201)
  return res.body().data.id as number
}

test.group('Attachments: authorized, audited downloads', (group) => {
  pinClock(group)

  test('readers of the case download with the original name, attachment disposition and nosniff', async ({
    client,
    assert,
  }) => {
    const { officer, head, clerk, c } = await acceptedCase()
    const provincialStatistician = await makeUser(UNITS.hanoi, ['statistician'])
    const inspector = await makeUser(UNITS.national, ['inspector'])
    const id = await attach(client, officer, 'cases', c.id, PDF, 'Quyết định số 12 (bản gốc).pdf')
    for (const reader of [officer, head, clerk, provincialStatistician, inspector]) {
      const res = await as(client.get(`/attachments/${id}/download`), reader)
      res.assertStatus(200)
      res.assertHeader('content-type', 'application/pdf')
      res.assertHeader('x-content-type-options', 'nosniff')
      const disposition = res.header('content-disposition') ?? ''
      assert.match(disposition, /^attachment; filename="Quyet dinh so 12 \(ban goc\)\.pdf"; /)
      assert.include(
        disposition,
        "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2012%20%28b%E1%BA%A3n%20g%E1%BB%91c%29.pdf"
      )
      const body = res.body() as unknown
      assert.isTrue(Buffer.isBuffer(body) && body.equals(PDF))
      const audit = await auditRows({ action: 'attachment.downloaded', actorId: reader.id })
      assert.lengthOf(audit, 1)
      assert.equal(audit[0].subject_id, String(id))
    }
  })

  test("another unit's officer and head, an unassigned colleague and the warehouse keeper get 403 and an audit row", async ({
    client,
    assert,
  }) => {
    const { officer, c } = await acceptedCase()
    const id = await attach(client, officer, 'cases', c.id, PNG, 'anh.png')
    const refused = [
      await makeUser(UNITS.caugiay, ['officer']),
      await makeUser(UNITS.caugiay, ['head']),
      await makeUser(UNITS.laocai, ['head']),
      await makeUser(UNITS.badinh, ['officer']),
    ]
    for (const user of refused) {
      const res = await as(client.get(`/attachments/${id}/download`), user)
      res.assertStatus(403)
      assert.isTrue(await refusalAudited(user, id))
      assert.lengthOf(await auditRows({ action: 'attachment.downloaded', actorId: user.id }), 0)
    }
    const keeper = await makeUser(UNITS.badinh, ['warehouse_keeper'])
    const res = await as(client.get(`/attachments/${id}/download`), keeper)
    res.assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: keeper.id }), 1)

    const api = await client
      .get(`/api/v1/attachments/${id}/download`)
      .header('authorization', await tokenFor(refused[0]))
    api.assertStatus(403)
    assert.equal(api.body().errors[0].reason, 'outside_jurisdiction')
    const listed = await client
      .get(`/api/v1/cases/${c.id}/attachments`)
      .header('authorization', await tokenFor(refused[1]))
    listed.assertStatus(403)
    const missing = await as(client.get('/attachments/999999/download'), officer)
    missing.assertStatus(404)
  })

  test('judgment and request files: the clerk attaches them, their pages list them, the case officer reads them', async ({
    client,
    assert,
  }) => {
    const { clerk, officer, judgment, c } = await acceptedCase()
    const request = await new CreateRequest().handle(clerk, {
      requester: 'Lê Thị Có',
      receivedOn: day(1),
      content: 'Yêu cầu thi hành phần bồi thường',
      judgmentId: judgment.id,
    })
    const judgmentFile = await attach(client, clerk, 'judgments', judgment.id, PDF, 'bản án.pdf')
    await attach(client, clerk, 'requests', request.id, PNG, 'đơn.png')

    let page = await as(client.get(`/judgments/${judgment.id}`), clerk)
    page.assertStatus(200)
    page.assertTextIncludes('bản án.pdf')
    page.assertTextIncludes('id="attachment-form"')
    page = await as(client.get(`/requests/${request.id}`), clerk)
    page.assertStatus(200)
    page.assertTextIncludes('đơn.png')

    // The assigned officer reads the judgment through its case (page and download), but may not add files.
    page = await as(client.get(`/judgments/${judgment.id}`), officer)
    page.assertStatus(200)
    assert.notInclude(page.text(), 'id="attachment-form"')
    const casePage = await as(client.get(`/cases/${c.id}`), officer)
    casePage.assertTextIncludes('bản án.pdf')
    const download = await as(client.get(`/attachments/${judgmentFile}/download`), officer)
    download.assertStatus(200)

    const outsider = await makeUser(UNITS.sapa, ['intake_clerk'])
    const refused = await as(client.get(`/judgments/${judgment.id}`), outsider)
    refused.assertStatus(403)
    assert.isTrue(await refusalAudited(outsider, judgment.id))
    const refusedFile = await as(client.get(`/attachments/${judgmentFile}/download`), outsider)
    refusedFile.assertStatus(403)
  })
})
