import { test } from '@japa/runner'
import JSZip from 'jszip'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { auditRows } from '#tests/helpers/audit'
import { as } from '#tests/helpers/factories'
import { world, csv, caseRows, upload, uploadJson, batchIdFrom, type World } from './_helpers.js'

async function counts() {
  const out: Record<string, number> = {}
  for (const t of [
    'cases',
    'case_events',
    'money_entries',
    'case_status_spans',
    'case_assignments',
  ])
    out[t] = Number((await db.from(t).count('* as n').first()).n)
  return out
}

async function errorsOf(id: number) {
  return db.from('import_row_errors').where('batch_id', id).orderBy('line').orderBy('id')
}

/** A file where every record but the first has one fault; returns [rows, expected code by external id]. */
function badFile(w: World) {
  const future = '2099-01-01'
  const rows = [
    ...caseRows(w, 'OK1'),
    ...caseRows(w, 'UNIT', { unit: 'NO-SUCH-UNIT' }),
    ...caseRows(w, 'OFFICER').map((r) =>
      r.row_type === 'assignment' ? { ...r, officer_email: 'nobody@nowhere.vn' } : r
    ),
    ...caseRows(w, 'ORDER', {
      extra: [{ row_type: 'event', event_type: 'resume', date: '2017-04-01' }],
    }),
    ...caseRows(w, 'NEGATIVE', {
      extra: [
        {
          row_type: 'money',
          kind: 'collected',
          date: '2017-04-01',
          amount: '99000000',
          receipt_number: 'BL9',
        },
      ],
    }),
    ...caseRows(w, 'FUTURE', {
      extra: [{ row_type: 'event', event_type: 'verified', date: future }],
    }),
    ...caseRows(w, 'GROUND', {
      extra: [
        {
          row_type: 'event',
          event_type: 'no_conditions',
          date: '2017-04-01',
          legal_ground: '99.z',
        },
      ],
    }),
    ...caseRows(w, 'DONE', {
      extra: [{ row_type: 'event', event_type: 'completed', date: '2017-04-01' }],
    }),
    ...caseRows(w, 'OK1'), // duplicate key in one file
    ...caseRows(w, 'DATE', { decided: '15/03/2017' }),
    ...caseRows(w, 'RECEIPT', {
      extra: [{ row_type: 'money', kind: 'collected', date: '2017-04-01', amount: '1000' }],
    }),
  ]
  return rows
}

test.group('Imports / bad input', () => {
  test('every kind of row error is reported per row with its line, and nothing is written', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const before = await counts()
    const rows = badFile(w)
    const response = await upload(client, w.stat, csv(rows))
    assert.equal(response.status(), 302)
    const id = batchIdFrom(response.header('location'))
    const batch = await db.from('import_batches').where('id', id).first()
    assert.equal(batch.status, 'checked')
    assert.equal(Number(batch.to_create), 1)
    assert.equal(Number(batch.rejected), 9)
    const errors = await errorsOf(id)
    const byId = new Map<string, string[]>()
    for (const e of errors) byId.set(e.external_id, [...(byId.get(e.external_id) ?? []), e.code])
    assert.deepEqual(byId.get('UNIT'), ['imports.errors.unknown_unit'])
    assert.deepEqual(byId.get('OFFICER'), ['imports.errors.unknown_officer'])
    assert.deepEqual(byId.get('ORDER'), ['cases.errors.transition_refused'])
    assert.deepEqual(byId.get('NEGATIVE'), ['cases.errors.beyond_remaining'])
    assert.deepEqual(byId.get('FUTURE'), ['cases.errors.future_date'])
    assert.deepEqual(byId.get('GROUND'), ['cases.errors.ground_required'])
    assert.deepEqual(byId.get('DONE'), ['cases.errors.money_left'])
    // the second OK1: its case row is a duplicate key, its other rows belong to no record of their own
    assert.deepEqual(byId.get('OK1'), [
      'imports.errors.duplicate_key',
      ...Array(4).fill('imports.errors.not_contiguous'),
    ])
    assert.deepEqual(byId.get('DATE'), ['imports.errors.bad_date'])
    assert.deepEqual(byId.get('RECEIPT'), ['cases.errors.receipt_required'])
    // line numbers are the file's: header = 1, the NEGATIVE record's collection is its 6th row
    const negativeLine =
      1 + rows.findIndex((r) => r.external_id === 'NEGATIVE' && r.row_type === 'money') + 1
    assert.equal(errors.find((e) => e.external_id === 'NEGATIVE')!.line, negativeLine)
    assert.deepEqual(await counts(), before, 'the dry run writes no case data')

    // the page shows Vietnamese messages; the error file is the original with an error column
    const page = await as(client.get(`/imports/${id}`), w.stat)
    assert.include(page.text(), 'Không có đơn vị mã')
    const file = await as(client.get(`/imports/${id}/errors`), w.stat)
    const lines = file
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    assert.equal(lines.length, rows.length + 1)
    assert.match(lines[0], /,error$/)
    assert.include(lines[negativeLine - 1], 'vượt quá số còn phải thi hành')

    // a batch with errors cannot be confirmed
    const confirm = await as(client.post(`/imports/${id}/confirm`), w.head)
      .withCsrfToken()
      .header('accept', 'application/json')
    assert.equal(confirm.status(), 422)
    assert.deepEqual(await counts(), before)
  })

  test('wrong template, wrong columns, not an xlsx, a zip bomb, an empty and a too large file are refused with a message', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const before = await counts()
    const expect422 = async (body: Buffer, name: string, code: string) => {
      const r = await uploadJson(client, w.stat, body, name)
      assert.equal(r.status(), 422, `${name}: ${r.text().slice(0, 200)}`)
      assert.equal(r.body().errors[0].code, code)
      assert.isString(r.body().errors[0].message)
      return r
    }
    await expect422(Buffer.from('a,b,c\n1,2,3\n'), 'x.csv', 'imports.errors.wrong_template')
    const header = csv([]).toString().trim().replace(',note', ',ghi_chu_sai')
    const r = await expect422(Buffer.from(header + '\n'), 'x.csv', 'imports.errors.wrong_columns')
    assert.include(r.body().errors[0].message, 'note')
    await expect422(
      Buffer.from('PK\u0003\u0004 this is not a zip at all'),
      'x.xlsx',
      'imports.errors.not_xlsx'
    )
    await expect422(
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]),
      'x.csv',
      'imports.errors.not_supported'
    )
    const zip = new JSZip()
    zip.file('[Content_Types].xml', '<x/>')
    zip.file('xl/workbook.xml', '<w/>')
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(50 * 1024 * 1024))
    const bomb = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    })
    assert.isBelow(bomb.length, 1024 * 1024)
    await expect422(bomb, 'bomb.xlsx', 'imports.errors.zip_bomb')
    await expect422(Buffer.alloc(0), 'x.csv', 'imports.errors.empty_file')
    const limit = process.env.IMPORT_MAX_MB
    process.env.IMPORT_MAX_MB = '1'
    try {
      await expect422(Buffer.alloc(2 * 1024 * 1024, 'a'), 'big.csv', 'imports.errors.too_large')
    } finally {
      if (limit === undefined) delete process.env.IMPORT_MAX_MB
      else process.env.IMPORT_MAX_MB = limit
    }
    assert.deepEqual(await counts(), before)
  })

  test('an xlsx in the template is read like the csv', async ({ client, assert }) => {
    const w = await world()
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('import')
    const rows = caseRows(w, 'X1', {
      extra: [{ row_type: 'event', event_type: 'resume', date: '2017-04-01' }],
    })
    const columns = csv([]).toString().trim().split(',')
    sheet.addRow(columns)
    for (const row of rows) sheet.addRow(columns.map((c) => (row as any)[c] ?? null))
    const body = Buffer.from(await book.xlsx.writeBuffer())
    const response = await uploadJson(client, w.stat, body, 'lich-su.xlsx')
    assert.equal(response.status(), 302)
    const id = batchIdFrom(response.header('location'))
    const errors = await errorsOf(id)
    assert.lengthOf(errors, 1)
    assert.equal(errors[0].code, 'cases.errors.transition_refused')
    assert.equal(errors[0].line, rows.length + 1)
    const file = await as(client.get(`/imports/${id}/errors`), w.stat)
    assert.equal(file.status(), 200)
  })

  test("a unit outside the importer's jurisdiction: 403, audited, batch refused", async ({
    client,
    assert,
  }) => {
    const w = await world()
    const before = await counts()
    const response = await uploadJson(client, w.outsider, csv(caseRows(w, 'FAR1')))
    assert.equal(response.status(), 403)
    const denied = await auditRows({ action: 'access.denied', actorId: w.outsider.id })
    assert.isAbove(denied.length, 0)
    const batch = await db
      .from('import_batches')
      .where('user_id', w.outsider.id)
      .orderBy('id', 'desc')
      .first()
    assert.equal(batch.status, 'refused')
    assert.deepEqual(await counts(), before)
    // an officer may not import at all
    const officer = await uploadJson(client, w.officer, csv(caseRows(w, 'OFF1')))
    assert.equal(officer.status(), 403)
    assert.isAbove((await auditRows({ action: 'access.denied', actorId: w.officer.id })).length, 0)
  })
})
