import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { setToday, isWorkingDay } from '#core'
import { lockStatus } from '#periods'
import { makeUser, unitByCode, as, UNITS } from '#tests/helpers/factories'
import { auditRows } from '#tests/helpers/audit'
import { makeEditRequest, reopenYearDirectly } from '#tests/helpers/periods'

test.group('Closing a statistical year (chốt số liệu)', (group) => {
  group.each.setup(() => {
    setToday('2025-03-10')
    return () => setToday(null)
  })

  test('national head closes an ended year: its dates answer year_closed and the page says so', async ({
    client,
    assert,
  }) => {
    const hanoi = await unitByCode(UNITS.hanoi)
    const head = await makeUser(UNITS.national, ['head'])
    try {
      ;(
        await as(
          client
            .post('/periods/years/2021/close')
            .form({ note: 'Chốt theo báo cáo năm' })
            .withCsrfToken()
            .redirects(0),
          head
        )
      ).assertStatus(302)
      const closure = await db.from('year_closures').where('year', 2021).first()
      assert.equal(Number(closure.closed_by_id), head.id)
      assert.lengthOf(await auditRows({ action: 'periods.year.closed', subjectId: 2021 }), 1)
      assert.equal((await lockStatus(hanoi.id, '2021-05-05')).reason, 'year_closed')
      assert.equal((await lockStatus(hanoi.id, '2020-10-01')).reason, 'year_closed')
      assert.equal((await lockStatus(hanoi.id, '2021-10-01')).reason, 'period_closed')

      const page = await as(client.get('/periods/years'), head)
      page.assertStatus(200)
      page.assertTextIncludes('Chốt theo báo cáo năm')
      const again = await as(
        client.post('/periods/years/2021/close').form({}).withCsrfToken().accept('json'),
        head
      )
      again.assertStatus(422)
      assert.include(again.text(), 'đã được chốt')

      const officer = await makeUser(UNITS.hanoi, ['officer'])
      const overview = await as(client.get('/periods?year=2021'), officer)
      overview.assertTextIncludes('Năm thống kê 2021 đã được chốt số liệu.')
      overview.assertTextIncludes('data-lock="year_closed"')
    } finally {
      await reopenYearDirectly(2021)
    }
  })

  test('the national admin may close too; a running year cannot be closed', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.national, ['admin'])
    try {
      ;(
        await as(
          client.post('/periods/years/2022/close').form({}).withCsrfToken().redirects(0),
          admin
        )
      ).assertStatus(302)
      assert.exists(await db.from('year_closures').where('year', 2022).first())
      const running = await as(
        client.post('/periods/years/2025/close').form({}).withCsrfToken().accept('json'),
        admin
      )
      running.assertStatus(422)
      assert.include(running.text(), 'chưa kết thúc')
      assert.notExists(await db.from('year_closures').where('year', 2025).first())
    } finally {
      await reopenYearDirectly(2022)
    }
  })

  test('nobody below the national head or admin closes a year; attempts are audited', async ({
    client,
    assert,
  }) => {
    const users = [
      await makeUser(UNITS.hanoi, ['head']),
      await makeUser(UNITS.hanoi, ['admin']),
      await makeUser(UNITS.national, ['statistician']),
      await makeUser(UNITS.national, ['inspector']),
      await makeUser(UNITS.badinh, ['officer']),
    ]
    for (const user of users) {
      ;(
        await as(client.post('/periods/years/2023/close').form({}).withCsrfToken(), user)
      ).assertStatus(403)
      const [row] = await auditRows({ action: 'access.denied', actorId: user.id })
      assert.equal(row.subject_type, 'statistical_year')
      ;(await as(client.get('/periods/years'), user)).assertStatus(200) // reading the state is open to all
    }
    assert.notExists(await db.from('year_closures').where('year', 2023).first())
  })
})

test.group('Periods overview and the working-day calendar pages', (group) => {
  group.each.setup(() => {
    setToday('2025-03-10')
    return () => setToday(null)
  })

  test('the overview shows each month of the year with its lock reason for the user', async ({
    client,
  }) => {
    const badinh = await unitByCode(UNITS.badinh)
    const officer = await makeUser(UNITS.badinh, ['officer'])
    await makeEditRequest(badinh, officer, {
      month: '2024-12',
      from: '2025-03-07',
      until: '2025-03-13',
    })
    const page = await as(client.get('/periods'), officer)
    page.assertStatus(200)
    page.assertTextIncludes('<tr data-month="2025-03">')
    for (const [month, lock] of [
      ['2025-03', 'open'],
      ['2025-02', 'period_closed'],
      ['2024-12', 'exception_active'],
      ['2025-04', 'future'],
    ]) {
      const row = page.text().split(`data-month="${month}"`)[1].split('</tr>')[0]
      page.assert!.include(row, `data-lock="${lock}"`, month)
    }
    page.assertTextIncludes('Đang được phép sửa')
    // The dashboard card lists the open exception.
    ;(await as(client.get('/'), officer)).assertTextIncludes(
      'Tháng 2024-12: được sửa đến hết 13/03/2025'
    )
    // Another province's unit is out of reach.
    const laocai = await unitByCode(UNITS.laocai)
    ;(await as(client.get(`/periods?unit_id=${laocai.id}`), officer)).assertStatus(403)
  })

  test('everyone reads the calendar; only the national admin changes it, and the change is seen at once', async ({
    client,
    assert,
  }) => {
    const officer = await makeUser(UNITS.sapa, ['officer'])
    const page = await as(client.get('/periods/holidays?year=2025'), officer)
    page.assertTextIncludes('Tết Nguyên đán Ất Tỵ')
    page.assertTextIncludes('Làm bù cho thứ Sáu 02/5/2025')

    const provinceAdmin = await makeUser(UNITS.laocai, ['admin'])
    ;(
      await as(
        client
          .post('/periods/holidays')
          .form({ kind: 'holiday', day: '2031-06-11', name: 'Ngày nghỉ thử' })
          .withCsrfToken(),
        provinceAdmin
      )
    ).assertStatus(403)
    assert.lengthOf(await auditRows({ action: 'access.denied', actorId: provinceAdmin.id }), 1)

    const admin = await makeUser(UNITS.national, ['admin'])
    assert.isTrue(await isWorkingDay('2031-06-11'))
    ;(
      await as(
        client
          .post('/periods/holidays')
          .form({ kind: 'holiday', day: '2031-06-11', name: 'Ngày nghỉ thử' })
          .withCsrfToken()
          .redirects(0),
        admin
      )
    ).assertStatus(302)
    assert.isFalse(await isWorkingDay('2031-06-11'))
    assert.lengthOf(await auditRows({ action: 'calendar.day_added', actorId: admin.id }), 1)
    const duplicate = await as(
      client
        .post('/periods/holidays')
        .form({ kind: 'make_up', day: '2031-06-11', name: 'Trùng' })
        .withCsrfToken()
        .accept('json'),
      admin
    )
    duplicate.assertStatus(422)
    ;(
      await as(client.post('/periods/holidays/2031-06-11/delete').withCsrfToken(), provinceAdmin)
    ).assertStatus(403)
    ;(
      await as(
        client.post('/periods/holidays/2031-06-11/delete').withCsrfToken().redirects(0),
        admin
      )
    ).assertStatus(302)
    assert.isTrue(await isWorkingDay('2031-06-11'))
    assert.lengthOf(await auditRows({ action: 'calendar.day_removed', actorId: admin.id }), 1)
  })
})
