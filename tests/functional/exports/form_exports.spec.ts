/**
 * Direct exports of a single form: the official Excel read back cell by cell against the computed form,
 * money in thousands for form 07, CSV, the export menu, the token API, and every refusal (403 + audit row).
 */
import { test } from '@japa/runner'
import { as, makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'
import { apiToken, downloads, Q, refusals, workbook } from './helpers.js'

/** A fresh province with two districts and a few cases (values differ from row to row). */
async function province() {
  const tree = await makeProvinceTree(2)
  const [d1, d2] = tree.districts
  await writeCase(d1, '2024-05-10', [
    { day: '2024-05-10', money: [['obligation', 2_500_000]] },
    { day: '2024-11-20', status: 'completed', money: [['collected', 2_500_000]] },
  ])
  await writeCase(d1, '2024-11-03', [
    { day: '2024-11-03', money: [['obligation', 1_234_567]] },
    { day: '2025-01-15', money: [['collected', 200_000]] },
  ])
  await writeCase(d2, '2024-12-01', [
    { day: '2024-12-01', money: [['obligation', 9_999_999]] },
    { day: '2025-02-01', status: 'postponed' },
  ])
  await writeCase(tree.province, '2025-03-02', [
    { day: '2025-03-02', money: [['obligation', 500]] },
    { day: '2025-03-05', status: 'no_conditions' },
  ])
  return tree
}

test.group('Exports: official Excel of a form', () => {
  test('a province statistician downloads form 06: title block, merged headers, every cell equals the computed form', async ({
    client,
    assert,
  }) => {
    const { province: unit } = await province()
    const user = await makeUser(unit.code, ['statistician'])
    const computed = (
      await as(
        client
          .get(`/reports/forms/form-06-cases?unit=${unit.code}&${Q}`)
          .header('accept', 'application/json'),
        user
      )
    ).body()
    const response = await as(
      client.get(`/reports/forms/form-06-cases/export?format=xlsx&unit=${unit.code}&${Q}`),
      user
    )
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'spreadsheetml')
    assert.include(
      response.header('content-disposition'),
      `attachment; filename="form-06-cases_${unit.code}_2025-06.xlsx"`
    )
    const ws = (await workbook(response.body())).worksheets[0]

    // Title block.
    assert.equal(ws.getCell('A1').value, 'Biểu số: 06/TK-THA')
    assert.equal(ws.getCell('A2').value, 'Ban hành theo Thông tư 06/2019/TT-BTP')
    assert.equal(ws.getCell('F1').value, 'KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG VIỆC')
    assert.equal(ws.getCell('F2').value, 'Kỳ báo cáo: 6 tháng, từ 01/10/2024 đến 31/03/2025')
    assert.equal(ws.getCell('N1').value, `Đơn vị báo cáo: ${unit.name}`)
    assert.match(String(ws.getCell('N2').value), /^Đơn vị nhận báo cáo: /)
    assert.equal(ws.getCell('N3').value, 'Đơn vị tính: việc')

    // Multi-level header as on the paper form, then the numbering row.
    const merges = (ws.model as any).merges as string[]
    assert.includeMembers(merges, [
      'A1:E1',
      'F1:M1',
      'N1:R1',
      'A5:A8',
      'B5:D5',
      'B6:B8',
      'C6:D6',
      'E5:E8',
      'F5:F8',
      'G5:O5',
      'G6:G8',
      'H6:N6',
      'H7:H8',
      'I7:N7',
      'O6:O8',
      'P5:P8',
      'Q5:R5',
      'Q6:Q8',
      'R6:R8',
    ])
    assert.equal(ws.getCell('B5').value, 'Tổng số thụ lý')
    assert.equal(ws.getCell('C6').value, 'Chia ra')
    assert.equal(ws.getCell('G5').value, 'Tổng số phải thi hành')
    assert.equal(ws.getCell('H6').value, 'Có điều kiện thi hành')
    assert.equal(ws.getCell('Q5').value, 'Chuyển kỳ sau')
    assert.equal(ws.getCell('I8').value, 'Thi hành xong')
    assert.equal(ws.getCell('O6').value, 'Chưa có điều kiện')
    assert.deepEqual((ws.getRow(9).values as any[]).slice(1), [
      'A',
      ...Array.from({ length: 17 }, (_, i) => i + 1),
    ])

    // Every row and every cell, in column-number order.
    assert.lengthOf(computed.rows, 4)
    computed.rows.forEach((row: any, i: number) => {
      const sheetRow = ws.getRow(10 + i)
      assert.equal(sheetRow.getCell(1).value, row.label.vi)
      for (let no = 1; no <= 17; no++) {
        const value = row.values[`c${no}`]
        assert.equal(
          sheetRow.getCell(no + 1).value,
          value === null ? '—' : value,
          `row ${row.label.vi}, column ${no}`
        )
      }
    })
    const total = ws.getRow(13)
    assert.equal(total.getCell(1).value, 'Tổng cộng')
    assert.isTrue(total.getCell(1).font.bold)
    assert.isTrue(total.getCell(5).font.bold)
    assert.equal(total.getCell(2).value, 4)
    assert.equal(total.getCell(2).numFmt, '#,##0')

    // Signature block, frozen header, print setup.
    const texts = new Set<string>()
    ws.eachRow((r) => r.eachCell((c) => texts.add(String(c.value))))
    assert.isTrue(texts.has('NGƯỜI LẬP BIỂU'))
    assert.isTrue(texts.has('THỦ TRƯỞNG ĐƠN VỊ'))
    assert.isTrue(texts.has(user.fullName))
    assert.deepInclude(ws.views[0], { state: 'frozen', xSplit: 1, ySplit: 9 })
    assert.include(ws.pageSetup, {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    })
    assert.equal(ws.getColumn(1).width, 34)

    const audit = await downloads(user)
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].subject_id, 'form-06-cases')
    assert.equal(audit[0].unit_id, unit.id)
    assert.include(JSON.parse(audit[0].after), {
      via: 'web',
      format: 'xlsx',
      target: 'form',
      unit: unit.code,
      year: 2025,
      period: 6,
    })
  })

  test('form 07 is in thousands of đồng: exact value ÷ 1000 shown with thousands separators', async ({
    client,
    assert,
  }) => {
    const { province: unit } = await province()
    const user = await makeUser(unit.code, ['head'])
    const computed = (
      await as(
        client
          .get(`/reports/forms/form-07-money?unit=${unit.code}&${Q}`)
          .header('accept', 'application/json'),
        user
      )
    ).body()
    const response = await as(
      client.get(`/reports/forms/form-07-money/export?format=xlsx&unit=${unit.code}&${Q}`),
      user
    )
    response.assertStatus(200)
    const ws = (await workbook(response.body())).worksheets[0]
    assert.equal(ws.getCell('F1').value, 'KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG TIỀN')
    assert.equal(ws.getCell('N3').value, 'Đơn vị tính: nghìn đồng')
    computed.rows.forEach((row: any, i: number) => {
      for (let no = 1; no <= 17; no++) {
        const value = row.values[`c${no}`]
        const cell = ws.getRow(10 + i).getCell(no + 1)
        assert.equal(
          cell.value,
          value === null ? '—' : no === 15 ? value : value / 1000,
          `row ${row.label.vi}, column ${no}`
        )
        if (value !== null) assert.equal(cell.numFmt, no === 15 ? '0.00' : '#,##0')
      }
    })
    const total = computed.rows.find((r: any) => r.kind === 'total')
    assert.equal(total.values.c3, 1_234_567 + 9_999_999 + 500)
    assert.equal(ws.getRow(13).getCell(4).value, 11_235.066)
  })

  test('CSV: UTF-8 with BOM, numbered headers, exact values in đồng', async ({
    client,
    assert,
  }) => {
    const { province: unit } = await province()
    const user = await makeUser(unit.code, ['statistician'])
    const response = await as(
      client.get(`/reports/forms/form-07-money/export?format=csv&unit=${unit.code}&${Q}`),
      user
    )
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/csv')
    const text = response.text()
    assert.isTrue(text.startsWith('\uFEFF'))
    const lines = text.slice(1).trim().split('\r\n')
    assert.equal(
      lines[0].split(',').slice(0, 4).join(','),
      'Dòng,Mã đơn vị,(1) Tổng số thụ lý (đồng),(2) Năm trước chuyển sang (đồng)'
    )
    const totalLine = lines.find((l) => l.startsWith('Tổng cộng'))!.split(',')
    assert.equal(totalLine[2 + 2], String(1_234_567 + 9_999_999 + 500))
  })

  test('the form page has the export menu; list and cell pages offer background exports', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const page = await as(client.get(`/reports/forms/form-06-cases?unit=${UNITS.hanoi}&${Q}`), user)
    page.assertStatus(200)
    assert.include(page.text(), 'id="export-menu"')
    for (const format of ['xlsx', 'pdf', 'csv'])
      assert.include(
        page.text(),
        `/reports/forms/form-06-cases/export?format=${format}&unit=${UNITS.hanoi}&year=2025&period=6`
      )
    const list = await as(
      client.get(`/reports/forms/report-unexecuted-cases?unit=${UNITS.hanoi}&${Q}`),
      user
    )
    assert.include(list.text(), 'id="export-list"')
    assert.include(list.text(), 'name="target" value="list"')
    const cell = await as(
      client.get(`/reports/forms/form-06-cases/cell?unit=${UNITS.hanoi}&${Q}&row=-1&col=c3`),
      user
    )
    assert.include(cell.text(), 'name="target" value="cell"')
    assert.include(cell.text(), 'name="col" value="c3"')
  })
})

test.group('Exports: who may export', () => {
  test('another province, a warehouse keeper and an admin are refused (403) and each refusal is audited', async ({
    client,
    assert,
  }) => {
    const hanoi = await makeUser(UNITS.hanoi, ['statistician'])
    ;(
      await as(
        client.get(`/reports/forms/form-06-cases/export?format=xlsx&unit=${UNITS.laocai}&${Q}`),
        hanoi
      )
    ).assertStatus(403)
    ;(
      await as(
        client.get(`/reports/forms/form-07-money/export?format=csv&unit=${UNITS.laocai}&${Q}`),
        hanoi
      )
    ).assertStatus(403)
    const denied = await refusals(hanoi)
    assert.lengthOf(denied, 2)
    assert.equal(denied[0].subject_type, 'unit')
    assert.equal(denied[0].subject_id, String((await unitByCode(UNITS.laocai)).id))
    const keeper = await makeUser(UNITS.hanoi, ['warehouse_keeper'])
    ;(
      await as(
        client.get(`/reports/forms/form-06-cases/export?format=pdf&unit=${UNITS.hanoi}&${Q}`),
        keeper
      )
    ).assertStatus(403)
    const admin = await makeUser(UNITS.national, ['admin'])
    ;(
      await as(
        client.get(`/reports/forms/form-06-cases/export?format=xlsx&unit=${UNITS.hanoi}&${Q}`),
        admin
      )
    ).assertStatus(403)
    const districtHead = await makeUser(UNITS.sapa, ['head'])
    ;(
      await as(
        client.get(`/reports/forms/form-06-cases/export?format=xlsx&unit=${UNITS.laocai}&${Q}`),
        districtHead
      )
    ).assertStatus(403)
    assert.lengthOf(await refusals(keeper), 1)
    assert.lengthOf(await refusals(admin), 1)
    assert.lengthOf(await refusals(districtHead), 1)
    assert.lengthOf(await downloads(hanoi), 0)
  })

  test('an officer exports only its own row', async ({ client, assert }) => {
    const unit = await unitByCode(UNITS.caugiay)
    const me = await makeUser(UNITS.caugiay, ['officer'])
    const other = await makeUser(UNITS.caugiay, ['officer'])
    await writeCase(unit, '2024-11-05', [{ day: '2024-11-06', officer: me.id }])
    await writeCase(unit, '2024-11-05', [{ day: '2024-11-06', officer: other.id }])
    const response = await as(
      client.get(`/reports/forms/form-06-cases/export?format=xlsx&unit=${UNITS.caugiay}&${Q}`),
      me
    )
    response.assertStatus(200)
    const ws = (await workbook(response.body())).worksheets[0]
    assert.equal(ws.getCell('A5').value, 'Chấp hành viên')
    assert.equal(ws.getRow(10).getCell(1).value, me.fullName)
    assert.equal(ws.getRow(10).getCell(4).value, 1)
    assert.notEqual(ws.getRow(11).getCell(1).value, 'Tổng cộng')
    ;(
      await as(
        client.get(`/reports/forms/form-06-cases/export?format=xlsx&unit=${UNITS.hanoi}&${Q}`),
        me
      )
    ).assertStatus(403)
    assert.lengthOf(await refusals(me), 1)
  })

  test('a list report is not a direct download from the page, and unknown formats are rejected', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const list = await as(
      client
        .get(`/reports/forms/report-unexecuted-cases/export?format=xlsx&unit=${UNITS.hanoi}&${Q}`)
        .header('accept', 'application/json'),
      user
    )
    list.assertStatus(422)
    assert.equal(list.body().errors[0].code, 'exports.use_background')
    const bad = await as(
      client
        .get(`/reports/forms/form-06-cases/export?format=docx&unit=${UNITS.hanoi}&${Q}`)
        .header('accept', 'application/json'),
      user
    )
    bad.assertStatus(422)
    ;(
      await as(
        client.get(`/reports/forms/no-such-form/export?format=xlsx&unit=${UNITS.hanoi}&${Q}`),
        user
      )
    ).assertStatus(404)
  })
})

test.group('Exports: token API', () => {
  test('a token with reports:read downloads a form (xlsx) and a list report (csv); the downloads are audited', async ({
    client,
    assert,
  }) => {
    const camau = await unitByCode(UNITS.camau)
    await writeCase(
      camau,
      '2024-12-12',
      [{ day: '2024-12-12', money: [['obligation', 7_000_000]] }],
      { number: 'CM-API-1' }
    )
    const user = await makeUser(UNITS.camau, ['statistician'])
    const token = await apiToken(user, ['reports:read'])
    const xlsx = await client
      .get(`/api/v1/forms/form-06-cases/export?format=xlsx&unit=${UNITS.camau}&${Q}`)
      .bearerToken(token)
    xlsx.assertStatus(200)
    const ws = (await workbook(xlsx.body())).worksheets[0]
    assert.equal(ws.getCell('A1').value, 'Biểu số: 06/TK-THA')
    const csv = await client
      .get(`/api/v1/forms/report-unexecuted-cases/export?format=csv&unit=${UNITS.camau}&${Q}`)
      .bearerToken(token)
    csv.assertStatus(200)
    const text = csv.text()
    assert.isTrue(
      text.startsWith(
        '\uFEFFSố quyết định,Đơn vị,Ngày thụ lý,Trạng thái cuối kỳ,Còn phải thi hành (đồng)\r\n'
      )
    )
    assert.include(text, `CM-API-1,${UNITS.camau},12/12/2024,Đang thi hành,7000000\r\n`)
    const audit = await downloads(user)
    assert.deepEqual(
      audit.map((a) => JSON.parse(a.after).via),
      ['api', 'api']
    )
    assert.deepEqual(
      audit.map((a) => JSON.parse(a.after).target),
      ['form', 'list']
    )
  })

  test("a token without reports:read, or outside the holder's reach, is refused and audited; no token is 401", async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.laocai, ['statistician'])
    const narrow = await apiToken(user, ['cases:read'])
    ;(
      await client
        .get(`/api/v1/forms/form-06-cases/export?format=xlsx&unit=${UNITS.laocai}&${Q}`)
        .bearerToken(narrow)
    ).assertStatus(403)
    const token = await apiToken(user, ['reports:read'])
    ;(
      await client
        .get(`/api/v1/forms/form-06-cases/export?format=pdf&unit=${UNITS.hanoi}&${Q}`)
        .bearerToken(token)
    ).assertStatus(403)
    ;(
      await client
        .get(`/api/v1/forms/report-unexecuted-cases/export?format=csv&unit=${UNITS.hanoi}&${Q}`)
        .bearerToken(token)
    ).assertStatus(403)
    ;(
      await client.get(`/api/v1/forms/form-06-cases/export?format=xlsx&unit=${UNITS.laocai}&${Q}`)
    ).assertStatus(401)
    assert.lengthOf(await refusals(user), 3)
    assert.lengthOf(await downloads(user), 0)
  })
})
