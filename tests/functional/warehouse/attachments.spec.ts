import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { PNG, EXE } from '../attachments/_samples.js'
import { acceptedCase, getAs, newExhibit, pinClock, warehouseStaff } from './_setup.js'

function upload(client: any, url: string, user: any, bytes: Buffer, filename: string) {
  return as(client.post(url), user).withCsrfToken().file('file', bytes, { filename }).redirects(0)
}

test.group(
  'Warehouse: photos and documents of an item (the attachment rules of the cases module)',
  (group) => {
    pinClock(group)

    test('the keeper attaches a photo; readers download it; outsiders are refused (403, audited)', async ({
      client,
      assert,
    }) => {
      const s = await warehouseStaff(UNITS.caugiay)
      const e = await newExhibit(s.keeper)
      ;(
        await upload(client, `/attachments/exhibits/${e.id}`, s.keeper, PNG, 'anh-niem-phong.png')
      ).assertStatus(302)
      const file = await db
        .from('attachments')
        .where('owner_type', 'exhibit')
        .where('owner_id', e.id)
        .firstOrFail()
      assert.equal(file.unit_id, e.unitId)
      assert.lengthOf(
        await auditRows({ action: 'attachment.uploaded', subjectType: 'exhibit', subjectId: e.id }),
        1
      )

      const page = await getAs(client, `/warehouse/exhibits/${e.id}`, s.head)
      page.assertTextIncludes('anh-niem-phong.png')
      ;(await getAs(client, `/attachments/${file.id}/download`, s.keeper)).assertStatus(200)
      ;(await getAs(client, `/attachments/${file.id}/download`, s.head)).assertStatus(200)

      // The same content rules: a program renamed .png is refused, nothing stored.
      const bad = await upload(client, `/attachments/exhibits/${e.id}`, s.keeper, EXE, 'anh.png')
      bad.assertStatus(302)
      assert.lengthOf(
        await db.from('attachments').where('owner_type', 'exhibit').where('owner_id', e.id),
        1
      )

      const other = await makeUser(UNITS.badinh, ['warehouse_keeper'])
      ;(await upload(client, `/attachments/exhibits/${e.id}`, other, PNG, 'x.png')).assertStatus(
        403
      )
      ;(await getAs(client, `/attachments/${file.id}/download`, other)).assertStatus(403)
      assert.isAbove((await auditRows({ action: 'access.denied', actorId: other.id })).length, 1)
      // The head reads but does not add files to the ledger.
      ;(await upload(client, `/attachments/exhibits/${e.id}`, s.head, PNG, 'y.png')).assertStatus(
        403
      )
    })

    test("the officer of the item's case may add files; a keeper cannot read the case's own files", async ({
      client,
      assert,
    }) => {
      const { c, officer } = await acceptedCase()
      const s = await warehouseStaff(UNITS.badinh)
      const e = await newExhibit(s.keeper, { caseId: c.id })
      ;(
        await upload(client, `/attachments/exhibits/${e.id}`, officer, PNG, 'bien-ban.png')
      ).assertStatus(302)
      ;(await upload(client, `/attachments/cases/${c.id}`, officer, PNG, 'ho-so.png')).assertStatus(
        302
      )
      const caseFile = await db
        .from('attachments')
        .where('owner_type', 'case')
        .where('owner_id', c.id)
        .firstOrFail()
      ;(await getAs(client, `/attachments/${caseFile.id}/download`, s.keeper)).assertStatus(403)
      assert.lengthOf(
        await db.from('attachments').where('owner_type', 'exhibit').where('owner_id', e.id),
        1
      )
    })
  }
)
