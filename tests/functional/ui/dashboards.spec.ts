import { test } from '@japa/runner'
import { RecordCollection } from '#cases'
import { makeUser, as, UNITS } from '#tests/helpers/factories'
import { acceptedCase, day, pinClock } from '../cases/_setup.js'
import { clearDashboardCache } from '../../../app/cases/services/dashboard_figures.js'

const ENGLISH = ['Unauthorized', 'The form could not', 'Dashboard', 'Loading', 'undefined', 'NaN']

test.group(
  'Role dashboards: something to do, in Vietnamese, with charts readable as tables',
  (group) => {
    pinClock(group)
    group.each.setup(() => clearDashboardCache())

    test('statistician of a province: current period, submissions, forms, charts', async ({
      client,
      assert,
    }) => {
      await acceptedCase()
      const user = await makeUser(UNITS.hanoi, ['statistician'])
      const response = await as(client.get('/'), user)
      response.assertStatus(200)
      const html = response.text()
      assert.include(html, 'Kỳ thống kê hiện tại: tháng')
      assert.include(html, 'id="submission-status"')
      assert.include(html, 'Xem biểu thống kê')
      assert.include(html, 'id="chart-intake"')
      assert.include(html, 'id="chart-rates"')
      assert.include(html, 'Xem số liệu dạng bảng')
      // The figures link to the list behind them.
      assert.match(
        html,
        /<a href="\/cases\?from=\d{4}-\d{2}-01&amp;to=\d{4}-\d{2}-\d{2}">T\d+\/\d{4}<\/a>/
      )
      for (const word of ENGLISH) assert.notInclude(html, word)
    })

    test('inspector: national overview', async ({ client, assert }) => {
      const user = await makeUser(UNITS.national, ['inspector'])
      const response = await as(client.get('/'), user)
      response.assertStatus(200)
      assert.include(response.text(), 'Tổng quan — ')
      assert.include(response.text(), 'id="chart-collected"')
    })

    test('head of a district: caseload per officer; counts an accepted case this month', async ({
      client,
      assert,
    }) => {
      const { head, officer, c } = await acceptedCase()
      await new RecordCollection().handle(officer, c.id, {
        amount: 2_000_000,
        effectiveDate: day(3),
        receiptNumber: 'BL-9',
      } as any)
      const response = await as(client.get('/'), head)
      response.assertStatus(200)
      const html = response.text()
      assert.include(html, 'id="chart-caseload"')
      assert.include(html, `/cases?officer_id=${officer.id}&amp;status=open`)
      const data = JSON.parse(html.match(/id="chart-intake-data">([^<]*)</)![1])
      assert.isAbove(data.datasets[0].data[11], 0, 'this month counts the new case')
      const money = JSON.parse(html.match(/id="chart-collected-data">([^<]*)</)![1])
      assert.isAtLeast(money.datasets[0].data[11], 2_000_000)
    })

    test('officer: own work charts and the inbox card', async ({ client, assert }) => {
      const { officer } = await acceptedCase()
      const response = await as(client.get('/'), officer)
      response.assertStatus(200)
      assert.include(response.text(), 'id="chart-my-status"')
      assert.include(response.text(), 'data-widget="ui.inbox"')
    })
  }
)

test.group('Audit viewer is readable', (group) => {
  pinClock(group)

  test('names and links instead of ids, details as labelled values, no raw JSON', async ({
    client,
    assert,
  }) => {
    const { c, clerk } = await acceptedCase({ debtor: 'Võ Thị Kiểm Toán' })
    const admin = await makeUser(UNITS.national, ['admin'])
    const response = await as(client.get(`/audit?subject_type=case&subject_id=${c.id}`), admin)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, `<a href="/cases/${c.id}">`)
    assert.include(html, `<a href="/users/${clerk.id}">${clerk.fullName}</a>`)
    assert.include(html, 'Người phải thi hành')
    assert.include(html, 'Võ Thị Kiểm Toán')
    assert.notInclude(html, '{&quot;')
    assert.notInclude(html, '{"')
  })
})

test.group('Drill-down page', (group) => {
  pinClock(group)

  test('names the row (unit or officer), shows unit names and links each case', async ({
    client,
    assert,
  }) => {
    const { c } = await acceptedCase()
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const chooser = await as(client.get('/reports'), user)
    const formId = chooser
      .text()
      .match(/<select name="form"[^>]*>\s*<option value="([a-z0-9-]+)"/)![1]
    const form = await as(
      client.get(`/reports/forms/${formId}?unit=${UNITS.hanoi}&year=2027&period=2`),
      user
    )
    form.assertStatus(200)
    const links = [...form.text().matchAll(/href="(\/reports\/forms\/[^"]+\/cell\?[^"]+)"/g)].map(
      (m) => m[1].replaceAll('&amp;', '&')
    )
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const badinh = await db.from('units').where('code', UNITS.badinh).first()
    const link = links.find((l) => l.includes(`row=${badinh.id}&`))
    assert.isDefined(link, 'a cell of the Ba Đình row')
    const cell = await as(client.get(link!), user)
    cell.assertStatus(200)
    assert.match(cell.text(), new RegExp(`id="cell-row">${badinh.name}<`))
    if (cell.text().includes(`/cases/${c.id}"`)) assert.include(cell.text(), badinh.name)
  })
})
