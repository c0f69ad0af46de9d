import { test } from '@japa/runner'
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromiumPath, closePdfBrowser } from '#reporting'
import { qrDataUrl } from '#warehouse'
import { makeUser, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { workbook } from '../exports/helpers.js'
import { getAs, move, newExhibit, pinClock, warehouseStaff } from './_setup.js'

const PDFTOTEXT = '/usr/bin/pdftotext'
const IN_CI = process.env.CI === 'true'
const noPdf = !existsSync(chromiumPath()) || !existsSync(PDFTOTEXT)

/** The binary body of a download (the exports helpers register the binary parsers). */
function bodyOf(response: any): Buffer {
  return response.body() as Buffer
}

test.group('Warehouse: label with QR code, print views and exports', (group) => {
  pinClock(group)
  group.teardown(() => closePdfBrowser())

  test('the label carries a QR code of the item page address, which opens the item for an authorized user', async ({
    client,
    assert,
  }) => {
    const s = await warehouseStaff(UNITS.laocai)
    const e = await newExhibit(s.keeper, { description: 'Két sắt niêm phong' })
    const r = await getAs(client, `/warehouse/exhibits/${e.id}/label`, s.keeper)
    r.assertStatus(200)
    const html = r.text()
    const url = /data-url="([^"]+)"/.exec(html)![1]
    assert.match(url, new RegExp(`^https?://[^/]+/warehouse/exhibits/${e.id}$`))
    const src = /id="label-qr"|src="(data:image\/svg\+xml;base64,[^"]+)"/.exec(html)
    assert.isNotNull(src)
    const img = /<img src="([^"]+)"/.exec(html)![1]
    // The image is exactly the QR code of that address (same library, same options).
    assert.equal(img, await qrDataUrl(url))
    assert.include(Buffer.from(img.split(',')[1], 'base64').toString('utf8'), '<svg')
    assert.include(html, e.code)
    // Scanning it: the address opens the item for its keeper, and refuses (403, audited) an outsider.
    const path = new URL(url).pathname
    ;(await getAs(client, path, s.keeper)).assertStatus(200)
    const outsider = await makeUser(UNITS.camau, ['warehouse_keeper'])
    ;(await getAs(client, path, outsider)).assertStatus(403)
    assert.isAbove((await auditRows({ action: 'access.denied', actorId: outsider.id })).length, 0)
    // Signed out, it leads to the login page.
    const anonymous = await client.get(path).redirects(0)
    anonymous.assertStatus(302)
    assert.include(anonymous.header('location'), '/login')
  })

  test('the ledger prints and exports to xlsx through the export plugin, scoped to the reader', async ({
    client,
    assert,
  }) => {
    const s = await warehouseStaff(UNITS.laocai)
    const e = await newExhibit(s.keeper, { description: 'Máy phát điện Honda', category: 'goods' })
    await move(s, e.id, 'intake', 10)
    const print = await getAs(client, '/warehouse/ledger/html', s.head)
    print.assertStatus(200)
    print.assertTextIncludes('SỔ THEO DÕI VẬT CHỨNG')
    print.assertTextIncludes('Máy phát điện Honda')

    const x = await getAs(client, '/warehouse/ledger/xlsx', s.keeper)
    x.assertStatus(200)
    assert.include(x.header('content-type'), 'spreadsheetml')
    const wb = await workbook(bodyOf(x))
    const cells: string[] = []
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))))
    assert.include(cells, e.code)
    assert.include(cells, 'Máy phát điện Honda')
    assert.include(cells, 'Hàng hóa, đồ vật')
    assert.lengthOf(
      await auditRows({ action: 'warehouse.ledger_exported', actorId: s.keeper.id }),
      1
    )

    // The CSV plugin takes the same list path; a filter that excludes the item leaves it out.
    const csv = await getAs(client, '/warehouse/ledger/csv', s.keeper)
    csv.assertStatus(200)
    assert.include(csv.text(), e.code)
    const filtered = await getAs(client, '/warehouse/ledger/csv?category=money', s.keeper)
    assert.notInclude(filtered.text(), e.code)

    // Another province's keeper gets its own (empty) ledger, not this one.
    const other = await makeUser(UNITS.camau, ['warehouse_keeper'])
    const y = await getAs(client, '/warehouse/ledger/xlsx', other)
    const wb2 = await workbook(bodyOf(y))
    const cells2: string[] = []
    wb2.worksheets[0].eachRow((row) => row.eachCell((c) => cells2.push(String(c.value))))
    assert.notInclude(cells2, e.code)
  })

  test('the ledger as PDF (shared Chromium) carries the items with their diacritics', async ({
    client,
    assert,
  }) => {
    if (noPdf && !IN_CI) return assert.isTrue(true, 'skipped: no Chromium or pdftotext')
    const s = await warehouseStaff(UNITS.laocai)
    const e = await newExhibit(s.keeper, { description: 'Dây chuyền vàng 18K' })
    const r = await getAs(client, '/warehouse/ledger/pdf', s.head)
    r.assertStatus(200)
    const pdf = bodyOf(r)
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF')
    const dir = await mkdtemp(join(tmpdir(), 'thads-wh-'))
    try {
      await writeFile(join(dir, 'l.pdf'), pdf)
      const text = execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', join(dir, 'l.pdf'), '-'], {
        encoding: 'utf8',
      })
      // Table cells wrap (a hyphen at a line break is dropped): compare without white space and hyphens.
      const flat = text.replace(/\s+/g, '')
      assert.include(flat.replace(/-/g, ''), e.code.replace(/-/g, ''))
      assert.include(flat, 'SỔTHEODÕIVẬTCHỨNG')
      assert.include(flat, 'Dâychuyềnvàng18K')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }).timeout(60_000)
})
