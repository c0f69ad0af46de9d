import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { User } from '#accounts'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { acceptedCase, pinClock, refusalAudited } from '../cases/_setup.js'
import { DOCX, EXE, JPEG, PDF, PNG, ole2, xlsx, zip } from './_samples.js'

async function tokenFor(user: User, abilities = ['cases:read', 'cases:write']) {
  const token = await User.accessTokens.create(user, abilities)
  return `Bearer ${token.value!.release()}`
}

function upload(client: any, url: string, user: User, bytes: Buffer, filename: string) {
  return as(client.post(url), user).withCsrfToken().file('file', bytes, { filename }).redirects(0)
}

test.group('Attachments: uploads checked by content and extension', (group) => {
  pinClock(group)

  test('the assigned officer attaches one file of every accepted kind through the API', async ({
    client,
    assert,
  }) => {
    const { officer, c } = await acceptedCase()
    const auth = await tokenFor(officer)
    const samples: [string, Buffer, string][] = [
      ['Quyết định số 12.pdf', PDF, 'application/pdf'],
      ['ảnh hiện trường.png', PNG, 'image/png'],
      ['biên bản.jpg', JPEG, 'image/jpeg'],
      ['biên bản 2.JPEG', JPEG, 'image/jpeg'],
      ['công văn.doc', ole2('WordDocument'), 'application/msword'],
      ['bảng kê.xls', ole2('Workbook'), 'application/vnd.ms-excel'],
      [
        'tờ trình.docx',
        DOCX,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        'sổ thu.xlsx',
        await xlsx(),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    ]
    for (const [name, bytes, mime] of samples) {
      const res = await client
        .post(`/api/v1/attachments/cases/${c.id}`)
        .header('authorization', auth)
        .file('file', bytes, { filename: name })
      res.assertStatus(201)
      const data = res.body().data
      assert.equal(data.name, name)
      assert.equal(data.mime, mime)
      assert.equal(data.size, bytes.length)
      assert.equal(data.sha256, createHash('sha256').update(bytes).digest('hex'))
      const row = await db.from('attachments').where('id', data.id).first()
      assert.match(row.storage_key, /^attachments\/\d{4}\/[0-9a-f-]{36}$/)
      assert.notInclude(row.storage_key, name)
      assert.equal(row.case_id, c.id)
      assert.isTrue(await drive.use('fs').exists(row.storage_key))
      const audit = await auditRows({ action: 'attachment.uploaded', actorId: officer.id })
      assert.isAtLeast(audit.length, 1)
    }
    const list = await client.get(`/api/v1/cases/${c.id}/attachments`).header('authorization', auth)
    list.assertStatus(200)
    assert.lengthOf(list.body().data, samples.length)
  })

  test('a renamed executable, a wrong extension, an empty and an oversize file are refused in Vietnamese', async ({
    client,
    assert,
  }) => {
    const { officer, c } = await acceptedCase()
    const url = `/attachments/cases/${c.id}`
    const cases: [Buffer, string, string][] = [
      [EXE, 'hop-dong.pdf', 'không phải là tệp .pdf hợp lệ'],
      [EXE, 'setup.exe', 'Không chấp nhận tệp có phần mở rộng "exe"'],
      [PDF, 'ghi-chu.txt', 'Không chấp nhận tệp có phần mở rộng "txt"'],
      [PDF, 'khong-duoi', 'Không chấp nhận tệp có phần mở rộng "—"'],
      [Buffer.alloc(0), 'rong.pdf', 'rỗng (0 byte)'],
      [DOCX, 'bang.xlsx', 'là tệp .docx, không khớp với phần mở rộng .xlsx'],
      [PNG, 'anh.jpg', 'là tệp .png, không khớp'],
      [zip({ 'a.txt': 'x' }), 'gia.docx', 'không phải là tệp .docx hợp lệ'],
      [ole2('Workbook'), 'cv.doc', 'là tệp .xls, không khớp'],
    ]
    for (const [bytes, name, message] of cases) {
      const res = await upload(client, url, officer, bytes, name)
      res.assertStatus(302)
      assert.include(String(res.flashMessages().error), message, name)
    }
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)
    PDF.copy(big)
    const res = await upload(client, url, officer, big, 'scan.pdf')
    res.assertStatus(302)
    assert.include(String(res.flashMessages().error), 'vượt quá giới hạn 20 MB')
    const missing = await as(client.post(url), officer).withCsrfToken().form({}).redirects(0)
    assert.include(String(missing.flashMessages().error), 'Chưa chọn tệp')
    const rows = await db.from('attachments').where('case_id', c.id)
    assert.lengthOf(rows, 0)
  })

  test('an upload far beyond the limit answers a readable 413', async ({ client, assert }) => {
    const { officer, c } = await acceptedCase()
    const auth = await tokenFor(officer)
    const huge = Buffer.alloc(22 * 1024 * 1024, 0x20)
    PDF.copy(huge)
    const res = await client
      .post(`/api/v1/attachments/cases/${c.id}`)
      .header('authorization', auth)
      .file('file', huge, { filename: 'huge.pdf' })
    res.assertStatus(413)
    assert.include(res.body().errors[0].message, 'vượt quá giới hạn 20 MB')
  })

  test('the page form attaches to the case or to one of its events', async ({ client, assert }) => {
    const { officer, c } = await acceptedCase()
    const event = await db.from('case_events').where('case_id', c.id).first()
    let res = await upload(client, `/attachments/cases/${c.id}`, officer, PDF, 'qd.pdf')
    res.assertStatus(302)
    assert.include(String(res.flashMessages().success), 'qd.pdf')
    res = await as(client.post(`/attachments/cases/${c.id}`), officer)
      .withCsrfToken()
      .field('event_id', String(event.id))
      .file('file', PNG, { filename: 'su-kien.png' })
      .redirects(0)
    res.assertStatus(302)
    const rows = await db.from('attachments').where('case_id', c.id).orderBy('id')
    assert.deepEqual(
      rows.map((r) => [r.owner_type, r.owner_id]),
      [
        ['case', c.id],
        ['case_event', event.id],
      ]
    )
    const page = await as(client.get(`/cases/${c.id}`), officer)
    page.assertStatus(200)
    page.assertTextIncludes('qd.pdf')
    page.assertTextIncludes('su-kien.png')
    page.assertTextIncludes('id="attachment-form"')
  })

  test('who may add files: clerk on intake records, officer on its case; others get 403 and an audit row', async ({
    client,
    assert,
  }) => {
    const { clerk, head, officer, judgment, c } = await acceptedCase()
    const stranger = await makeUser(UNITS.caugiay, ['officer'])
    const otherClerk = await makeUser(UNITS.caugiay, ['intake_clerk'])
    const colleague = await makeUser(UNITS.badinh, ['officer'])

    let res = await upload(
      client,
      `/attachments/judgments/${judgment.id}`,
      clerk,
      PDF,
      'ban-an.pdf'
    )
    res.assertStatus(302)
    assert.include(String(res.flashMessages().success), 'ban-an.pdf')

    const refusals: [User, string, string][] = [
      [head, `/attachments/cases/${c.id}`, 'not_assigned'],
      [colleague, `/attachments/cases/${c.id}`, 'outside_jurisdiction'],
      [stranger, `/attachments/cases/${c.id}`, 'outside_jurisdiction'],
      [officer, `/attachments/judgments/${judgment.id}`, 'intake_only'],
      [otherClerk, `/attachments/judgments/${judgment.id}`, 'outside_jurisdiction'],
      [clerk, `/attachments/cases/${c.id}`, 'not_assigned'],
    ]
    for (const [user, url, reason] of refusals) {
      const refused = await upload(client, url, user, PDF, 'x.pdf')
      refused.assertStatus(403)
      const rows = await auditRows({ action: 'access.denied', actorId: user.id })
      assert.equal(JSON.parse(rows[0].after).reason, reason, url)
    }
    assert.equal(
      Number((await db.from('attachments').where('case_id', c.id).count('* as n'))[0].n),
      0
    )
    assert.isTrue(await refusalAudited(stranger, c.id))
  })
})
