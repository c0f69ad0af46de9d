/**
 * "Xuất danh sách" on /cases (issue 11): the filtered, sorted case list queued as a background export job,
 * read through the list's keyset cursor page by page; the file's rows are the list's rows in the list's order,
 * within the reader's scope. Refused: a role that reads no cases (403 + audit), another user's download
 * (403 + audit), a PDF of the list (flash, no job).
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { User } from '#accounts'
import { as, makeUser } from '#tests/helpers/factories'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'
import { rebuildSearchTerms } from '#cases'
import ExportJob from '#reporting/exports/models/export_job'
import { ExportRunner, exportRunner } from '#reporting/exports/services/job_runner'
import { downloads, refusals, workbook } from './helpers.js'

/** A province with two districts: district 1 holds 5 cases (one closed), district 2 holds 2. */
async function tree() {
  const { province, districts } = await makeProvinceTree(2)
  const names = ['Lê Văn An', 'Trần Thị Bình', 'Nguyễn Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em']
  for (let i = 1; i <= 5; i++)
    await writeCase(
      districts[0],
      `2024-10-${String(i).padStart(2, '0')}`,
      [{ day: `2024-10-${String(i).padStart(2, '0')}`, money: [['obligation', i * 1_000_000]] }],
      { number: `D1-${i}`, debtor_name: names[i - 1], ...(i === 3 ? { status: 'completed' } : {}) }
    )
  for (let i = 1; i <= 2; i++)
    await writeCase(districts[1], `2024-09-0${i}`, [], {
      number: `D2-${i}`,
      debtor_name: `Vũ ${i}`,
    })
  // Written in bulk (no upkeep on write): their search terms come from search:rebuild.
  await rebuildSearchTerms()
  return { province, districts }
}

function requestExport(client: any, user: User, fields: Record<string, unknown>) {
  return as(client.post('/cases/export'), user).withCsrfToken().form(fields).redirects(0)
}

async function lastJob(user: User) {
  return ExportJob.query().where('user_id', user.id).orderBy('id', 'desc').first()
}

/** Decision numbers of the list page, in its order. */
async function listNumbers(client: any, user: User, qs: string) {
  const page = await as(client.get(`/cases?${qs}`), user)
  page.assertStatus(200)
  return [...page.text().matchAll(/<a href="\/cases\/\d+">([^<]+)<\/a>/g)].map((m) => m[1])
}

/** The CSV's data rows, split on commas (the test's values hold none). */
function csvRows(text: string) {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','))
}

test.group('Exports: the filtered case list', (group) => {
  group.each.setup(() => {
    exportRunner.pause()
    return () => exportRunner.resume()
  })
  group.teardown(async () => {
    for (const job of await ExportJob.query().whereNotNull('file_path'))
      await drive.use('fs').delete(job.filePath!)
  })

  test('a province head exports the filtered, sorted list as CSV: the file rows are the list rows', async ({
    client,
    assert,
  }) => {
    const { province } = await tree()
    const head = await makeUser(province.code, ['head'])
    const qs = 'status=open&sort=number&dir=asc&q='
    const expected = await listNumbers(client, head, qs)
    // The reader's scope is the province: both districts, the closed case filtered out.
    assert.deepEqual(expected, ['D1-1', 'D1-2', 'D1-4', 'D1-5', 'D2-1', 'D2-2'])

    const queued = await requestExport(client, head, {
      status: 'open',
      sort: 'number',
      dir: 'asc',
      format: 'csv',
      after: 'ignored-cursor',
    })
    queued.assertStatus(302)
    assert.equal(queued.header('location'), '/reports/exports')
    const job = (await lastJob(head))!
    assert.include(job.toJSON(), {
      form: 'case-list',
      target: 'cases',
      format: 'csv',
      status: 'queued',
    })
    assert.deepEqual(JSON.parse(job.params!), { status: 'open', sort: 'number', dir: 'asc' })
    const requested = await db
      .from('audit_events')
      .where('action', 'reporting.export.requested')
      .where('subject_id', String(job.id))
    assert.lengthOf(requested, 1)

    const jobsPage = await as(client.get('/reports/exports'), head)
    assert.include(jobsPage.text(), 'Danh sách việc thi hành án')

    // Pages of two rows: the runner follows the list's keyset cursor three times.
    const ran = await new ExportRunner('test-runner', { pageSize: 2 }).runOne(job.id)
    assert.isTrue(ran)
    await job.refresh()
    assert.equal(job.status, 'done', job.error ?? '')

    const file = await as(client.get(`/reports/exports/${job.id}/download`), head)
    file.assertStatus(200)
    const rows = csvRows(file.text())
    assert.equal(rows[0][0], 'Số quyết định')
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      expected
    )
    const first = rows[1]
    assert.equal(first[2], 'Lê Văn An')
    assert.equal(first[5], 'Đang thi hành')
    assert.lengthOf(await downloads(head), 1)
  })

  test('a district officer-head exports only its district, as Excel, with a name search', async ({
    client,
    assert,
  }) => {
    const { districts } = await tree()
    const head = await makeUser(districts[0].code, ['head'])
    const expected = await listNumbers(
      client,
      head,
      `q=${encodeURIComponent('Thị')}&sort=decision_date&dir=desc`
    )
    assert.deepEqual(expected, ['D1-4', 'D1-2'])
    ;(await requestExport(client, head, { q: 'Thị', format: 'xlsx' })).assertStatus(302)
    const job = (await lastJob(head))!
    assert.isTrue(await new ExportRunner('test-runner', { pageSize: 1 }).runOne(job.id))
    const file = await as(client.get(`/reports/exports/${job.id}/download`), head)
    file.assertStatus(200)
    const wb = await workbook(file.body())
    const numbers: string[] = []
    wb.worksheets[0].eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value
        if (typeof v === 'string' && /^D\d-\d$/.test(v)) numbers.push(v)
      })
    })
    assert.deepEqual(numbers, expected)
  })

  test('a warehouse keeper (reads no cases) is refused with 403 and an audit row; no job is made', async ({
    client,
    assert,
  }) => {
    const { province } = await tree()
    const keeper = await makeUser(province.code, ['warehouse_keeper'])
    const refused = await requestExport(client, keeper, { format: 'xlsx', status: 'bogus' })
    refused.assertStatus(403)
    assert.isNull(await lastJob(keeper))
    const audited = await refusals(keeper)
    assert.isAtLeast(audited.length, 1)
  })

  test("another user with the same rights cannot download someone's export (403 + audit)", async ({
    client,
    assert,
  }) => {
    const { province } = await tree()
    const owner = await makeUser(province.code, ['statistician'])
    const other = await makeUser(province.code, ['statistician'])
    ;(await requestExport(client, owner, { format: 'csv' })).assertStatus(302)
    const job = (await lastJob(owner))!
    assert.isTrue(await new ExportRunner('test-runner').runOne(job.id))
    const refused = await as(client.get(`/reports/exports/${job.id}/download`), other)
    refused.assertStatus(403)
    const audited = await refusals(other)
    assert.lengthOf(audited, 1)
    assert.equal(audited[0].subject_id, String(job.id))
  })

  test('a PDF of the list is not offered: no job, a readable message', async ({
    client,
    assert,
  }) => {
    const { province } = await tree()
    const head = await makeUser(province.code, ['head'])
    const refused = await as(client.post('/cases/export'), head)
      .withCsrfToken()
      .header('referer', '/cases')
      .form({ format: 'pdf' })
      .redirects(0)
    assert.notEqual(refused.status(), 200)
    assert.isNull(await lastJob(head))
  })
})
