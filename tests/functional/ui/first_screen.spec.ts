import { test } from '@japa/runner'
import { WebSession } from '#tests/helpers/web_session'
import { makeUser, as, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'
import { acceptedCase, pinClock } from '../cases/_setup.js'

test.group('First screens: login, deep links, Vietnamese only', () => {
  test('a logged-out visitor of the login page sees no English', async ({ assert }) => {
    const web = new WebSession()
    const home = await web.get('/')
    assert.equal(home.status, 302)
    assert.equal(home.location, '/login')
    const login = await web.get('/login')
    assert.equal(login.status, 200)
    assert.notInclude(login.text, 'Unauthorized access')
    assert.notInclude(login.text, 'Vui lòng đăng nhập để mở trang này') // the home page needs no warning
  })

  test('a deep link followed before login returns to the page asked for', async ({ assert }) => {
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const web = new WebSession()
    const first = await web.get('/reports?form=bieu-06&by=')
    assert.equal(first.status, 302)
    assert.equal(first.location, '/login')
    const login = await web.get('/login')
    assert.include(login.text, 'Vui lòng đăng nhập để mở trang này')
    assert.notInclude(login.text, 'Unauthorized access')
    const after = await web.post('/login', { email: user.email, password: TEST_PASSWORD })
    assert.equal(after.status, 302)
    assert.equal(after.location, '/reports')
  })

  test('an absolute or foreign URL is never a login target', async ({ assert }) => {
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const web = new WebSession()
    await web.get('//evil.example/x')
    const after = await web.login(user.email, TEST_PASSWORD)
    assert.equal(after.location, '/')
  })
})

test.group('Report chooser and validation banners', () => {
  test('"Xem biểu" with the default row layout (empty by=) opens the form', async ({
    client,
    assert,
  }) => {
    const user = await makeUser(UNITS.hanoi, ['statistician'])
    const chooser = await as(client.get('/reports'), user)
    chooser.assertStatus(200)
    const form = chooser
      .text()
      .match(/<select name="form"[^>]*>\s*<option value="([a-z0-9-]+)"/)![1]
    const year = new Date().getUTCFullYear()
    const response = await as(
      client
        .get(`/reports?form=${form}&unit=${UNITS.hanoi}&year=${year}&period=1&by=`)
        .redirects(0),
      user
    )
    response.assertStatus(302)
    const target = response.header('location') ?? ''
    assert.match(target, new RegExp(`^/reports/forms/${form}\\?`), 'the chooser opens the form')
    const page = await as(client.get(target).redirects(0), user)
    page.assertStatus(200)
    assert.notInclude(page.text(), 'The form could not be saved')
    assert.notInclude(page.text(), 'Vui lòng sửa các lỗi')
  })

  test('a validation error shows the Vietnamese banner with the messages, never the English summary', async ({
    assert,
  }) => {
    const clerk = await makeUser(UNITS.badinh, ['intake_clerk'])
    const web = new WebSession()
    await web.login(clerk.email, TEST_PASSWORD)
    await web.get('/judgments/new')
    const bad = await web.post(
      '/judgments',
      { number: '', court: '', judgment_date: '', type: '', received_on: '' },
      '/judgments/new'
    )
    assert.equal(bad.status, 302)
    const page = await web.get(bad.location!)
    assert.notInclude(page.text, 'The form could not be saved')
    assert.include(page.text, 'Vui lòng sửa các lỗi bên dưới.')
    assert.match(page.text, /class="error-summary"[\s\S]*<li>/)
  })
})

test.group('Officer dashboard money', (group) => {
  pinClock(group)

  test('shows what remains to be enforced on the officer own open cases', async ({
    client,
    assert,
  }) => {
    const { officer } = await acceptedCase({ amount: 12_345_000 })
    const response = await as(client.get('/'), officer)
    response.assertStatus(200)
    assert.include(response.text(), '12.345.000')
  })
})

test.group('Draft decision form keeps what was typed', () => {
  test('a negative amount keeps every typed row and says what is wrong next to the amount', async ({
    assert,
  }) => {
    const clerk = await makeUser(UNITS.badinh, ['intake_clerk'])
    const web = new WebSession()
    await web.login(clerk.email, TEST_PASSWORD)
    const form = await web.get('/decisions/new')
    assert.equal(form.status, 200)
    assert.include(form.text, 'data-add-row="party-row-template"')
    const rows: Record<string, string> = {
      kind: 'on_request',
      request_id: '',
      submit: '0',
    }
    const parties = ['Nguyễn Văn Một', 'Trần Thị Hai', 'Lê Văn Ba', 'Phạm Thị Bốn', 'Hoàng Văn Năm']
    parties.forEach((name, i) => {
      rows[`parties[${i}][role]`] = i === 0 ? 'debtor' : 'creditor'
      rows[`parties[${i}][name]`] = name
    })
    rows['obligations[0][kind]'] = 'money'
    rows['obligations[0][description]'] = 'Trả tiền vay'
    rows['obligations[0][amount]'] = '-5000'
    rows['obligations[1][kind]'] = 'non_money'
    rows['obligations[1][description]'] = 'Trả lại xe máy'
    const refused = await web.post('/decisions', rows, '/decisions/new')
    assert.equal(refused.status, 302)
    const page = await web.get(refused.location!)
    for (const name of parties) assert.include(page.text, `value="${name}"`)
    assert.include(page.text, 'value="Trả lại xe máy"')
    assert.include(page.text, 'value="-5000"')
    assert.match(page.text, /name="obligations\[0\]\[amount\]"[^>]*aria-invalid=true/)
    assert.match(page.text, /id="obligations\.0\.amount-error"/)
    assert.notInclude(page.text, 'The form could not be saved')
  })
})

test.group('Duplicate judgments', () => {
  test('the same court, number and date is refused with a clear message next to the number', async ({
    assert,
  }) => {
    const clerk = await makeUser(UNITS.badinh, ['intake_clerk'])
    const web = new WebSession()
    await web.login(clerk.email, TEST_PASSWORD)
    await web.get('/judgments/new')
    const number = `${Date.now() % 1e6}/2026/DS-ST`
    const { today, addDays } = await import('#core')
    const judged = addDays(today(), -3)
    const form = {
      number,
      judgment_date: judged,
      received_on: today(),
      court: 'TAND quận Ba Đình',
      type: 'civil',
    }
    const first = await web.post('/judgments', form, '/judgments/new')
    assert.equal(first.status, 302)
    await web.get('/judgments/new')
    const second = await web.post(
      '/judgments',
      { ...form, court: 'tand quan ba dinh' },
      '/judgments/new'
    )
    assert.equal(second.status, 302)
    const page = await web.get(second.location!)
    const shown = judged.split('-').reverse().join('/')
    assert.include(
      page.text,
      `Bản án số ${number} ngày ${shown}`,
      page.text.match(/<main[\s\S]*?<\/main>/)?.[0]
    )
    assert.include(page.text, 'id="number-error"')
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const rows = await db.from('judgments').where('number', number)
    assert.lengthOf(rows, 1)
  })
})

test.group('Past-period edit request names cases by decision number', (group) => {
  pinClock(group)

  test('a decision number (with its year) is resolved in the unit; an unknown one is refused next to the field', async ({
    assert,
  }) => {
    const { c, head } = await acceptedCase()
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const fresh = await db.from('cases').where('id', c.id).first()
    const web = new WebSession()
    await web.login(head.email, TEST_PASSWORD)
    const form = await web.get('/periods/requests/new')
    assert.equal(form.status, 200)
    assert.notInclude(form.text, 'sẽ được bổ sung')
    assert.notInclude(form.text, 'ID')
    const explanation = 'Nhập sai ngày xác minh điều kiện thi hành án, cần sửa lại.'
    const bad = await web.post(
      '/periods/requests',
      {
        unit_id: String(head.unitId),
        month: '2026-10',
        explanation,
        case_numbers: '99999/QĐ-THADS',
      },
      '/periods/requests/new'
    )
    assert.equal(bad.status, 302)
    const again = await web.get(bad.location!)
    assert.include(again.text, 'id="case_numbers-error"')
    assert.include(again.text, 'value="99999/QĐ-THADS"')
    const ok = await web.post(
      '/periods/requests',
      {
        unit_id: String(head.unitId),
        month: '2026-10',
        explanation,
        case_numbers: `${fresh.number} (${fresh.year})`,
      },
      '/periods/requests/new'
    )
    assert.equal(ok.status, 302)
    assert.match(ok.location!, /^\/periods\/requests\/\d+$/)
    const shown = await web.get(ok.location!)
    assert.include(shown.text, `<a href="/cases/${c.id}">${fresh.number} (${fresh.year})</a>`)
    assert.include(shown.text, 'Tháng 10/2026')
  })
})

test.group('Case actions keep what was typed after a rule refusal', (group) => {
  pinClock(group)

  test('collecting more than remains: the form stays open with the amount and the message next to it', async ({
    assert,
  }) => {
    const { c, officer } = await acceptedCase({ amount: 1_000_000 })
    const web = new WebSession()
    await web.login(officer.email, TEST_PASSWORD)
    await web.get(`/cases/${c.id}`)
    const refused = await web.post(
      `/cases/${c.id}/money`,
      {
        kind: 'collected',
        effective_date: '2026-11-03',
        amount: '5000000',
        receipt_number: 'BL-KEEP-1',
      },
      `/cases/${c.id}`
    )
    assert.equal(refused.status, 302)
    const page = await web.get(`/cases/${c.id}`)
    assert.match(page.text, /<details data-action="collected" open>/)
    assert.include(page.text, 'value="5000000"')
    assert.include(page.text, 'value="BL-KEEP-1"')
    assert.include(page.text, 'id="amount-error"')
  })
})
