/**
 * Background exports: queue from the list / cell pages, progress up to 100, download by the owner only
 * (audited; anyone else 403 + audit row), two runners never run one job twice, expired files are deleted,
 * a job whose owner lost the rights fails readably with an audited refusal.
 */
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { User } from '#accounts'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'
import ExportJob from '#reporting/exports/models/export_job'
import { ExportRunner, exportRunner } from '#reporting/exports/services/job_runner'
import { RequestExportJob } from '#reporting/exports/actions/request_export_job'
import { CleanExpiredExports } from '#reporting/exports/actions/clean_expired_exports'
import { downloads, refusals, workbook } from './helpers.js'

const PERIOD = { year: 2025, period: 6 }

/** A district with `n` open cases (CASE-1 … CASE-n), each with an obligation of n × 1 000 000 đồng. */
async function openCases(n: number) {
  const { province, districts } = await makeProvinceTree(1)
  for (let i = 1; i <= n; i++) {
    await writeCase(
      districts[0],
      `2024-11-${String(i).padStart(2, '0')}`,
      [{ day: `2024-11-${String(i).padStart(2, '0')}`, money: [['obligation', i * 1_000_000]] }],
      { number: `CASE-${i}` }
    )
  }
  return { province, district: districts[0] }
}

function queue(client: any, user: User, fields: Record<string, unknown>) {
  return as(client.post('/reports/exports'), user)
    .withCsrfToken()
    .form({ ...PERIOD, ...fields })
    .redirects(0)
}

async function lastJob(user: User) {
  return ExportJob.query().where('user_id', user.id).orderBy('id', 'desc').firstOrFail()
}

/** Files this run stored on the drive disk are removed afterwards (the database is this run's own). */
async function removeStoredFiles() {
  for (const job of await ExportJob.query().whereNotNull('file_path'))
    await drive.use('fs').delete(job.filePath!)
}

test.group('Exports: background jobs', (group) => {
  group.each.setup(() => {
    exportRunner.pause()
    return () => exportRunner.resume()
  })
  group.teardown(removeStoredFiles)

  test('a list report queued as Excel runs with progress to 100 and its owner downloads it (audited)', async ({
    client,
    assert,
  }) => {
    const { province } = await openCases(5)
    const user = await makeUser(province.code, ['statistician'])
    const queued = await queue(client, user, {
      form: 'report-unexecuted-cases',
      unit: province.code,
      format: 'xlsx',
      target: 'list',
    })
    queued.assertStatus(302)
    assert.equal(queued.header('location'), '/reports/exports')
    const job = await lastJob(user)
    assert.include(job.toJSON(), {
      status: 'queued',
      progress: 0,
      target: 'list',
      format: 'xlsx',
      unitId: province.id,
    })
    const requested = await db
      .from('audit_events')
      .where('action', 'reporting.export.requested')
      .where('subject_id', String(job.id))
    assert.lengthOf(requested, 1)

    const pending = await as(client.get('/reports/exports'), user)
    assert.include(pending.text(), '<meta http-equiv="refresh" content="3">')
    assert.include(pending.text(), `data-job="${job.id}" data-status="queued"`)

    const seen: number[] = []
    const ran = await new ExportRunner('test-runner', { pageSize: 2 }).runOne(job.id, {
      observe: (p) => seen.push(p),
    })
    assert.isTrue(ran)
    assert.includeMembers(seen, [40, 80, 100])
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b)
    )
    await job.refresh()
    assert.include(job.toJSON(), { status: 'done', progress: 100, claimedBy: 'test-runner' })
    assert.isTrue(job.expiresAt! > DateTime.utc().plus({ hours: 23 }))
    assert.isTrue(await drive.use('fs').exists(job.filePath!))

    const status = await as(client.get(`/reports/exports/${job.id}`), user)
    assert.include(status.body(), {
      status: 'done',
      progress: 100,
      downloadUrl: `/reports/exports/${job.id}/download`,
    })
    const page = await as(client.get('/reports/exports'), user)
    assert.notInclude(page.text(), 'http-equiv="refresh"')
    assert.include(page.text(), `data-download="${job.id}"`)

    const file = await as(client.get(`/reports/exports/${job.id}/download`), user)
    file.assertStatus(200)
    assert.include(
      file.header('content-disposition'),
      `filename="report-unexecuted-cases_${province.code}_2025-06_list.xlsx"`
    )
    const ws = (await workbook(file.body())).worksheets[0]
    assert.equal(ws.getCell('A1').value, 'DANH SÁCH VIỆC CHƯA THI HÀNH XONG (CÒN LẠI CUỐI KỲ)')
    assert.deepEqual((ws.getRow(4).values as any[]).slice(1), [
      'STT',
      'Số quyết định',
      'Đơn vị',
      'Ngày thụ lý',
      'Trạng thái cuối kỳ',
      'Còn phải thi hành (đồng)',
    ])
    for (let i = 1; i <= 5; i++) {
      const row = ws.getRow(4 + i)
      assert.deepEqual(
        [
          row.getCell(1).value,
          row.getCell(2).value,
          row.getCell(4).value,
          row.getCell(5).value,
          row.getCell(6).value,
        ],
        [i, `CASE-${i}`, `${String(i).padStart(2, '0')}/11/2024`, 'Đang thi hành', i * 1_000_000]
      )
      assert.equal(row.getCell(6).numFmt, '#,##0')
    }
    assert.equal(ws.getCell('A11').value, 'Tổng số: 5 dòng')
    const audit = await downloads(user)
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].subject_type, 'export_job')
    assert.equal(audit[0].subject_id, String(job.id))
  })

  test('nobody but the owner sees or downloads a job, not even a colleague with the same rights: 403 + audit', async ({
    client,
    assert,
  }) => {
    const { province } = await openCases(1)
    const owner = await makeUser(province.code, ['statistician'])
    const colleague = await makeUser(province.code, ['statistician'])
    const inspector = await makeUser(UNITS.national, ['inspector'])
    const job = await new RequestExportJob().handle(owner, {
      form: 'report-unexecuted-cases',
      unit: province.code,
      ...PERIOD,
      format: 'csv',
      locale: 'vi',
    })
    assert.isTrue(await new ExportRunner('test-owner').runOne(job.id))
    for (const other of [colleague, inspector]) {
      ;(await as(client.get(`/reports/exports/${job.id}/download`), other)).assertStatus(403)
      ;(await as(client.get(`/reports/exports/${job.id}`), other)).assertStatus(403)
      const denied = await refusals(other)
      assert.lengthOf(denied, 2)
      assert.deepInclude(
        denied.map((d) => [d.subject_type, d.subject_id]),
        ['export_job', String(job.id)]
      )
      assert.lengthOf(await downloads(other), 0)
      const list = await as(
        client.get('/reports/exports').header('accept', 'application/json'),
        other
      )
      assert.notInclude(
        list.body().data.map((j: any) => j.id),
        job.id
      )
    }
    const mine = await as(client.get(`/reports/exports/${job.id}/download`), owner)
    mine.assertStatus(200)
    assert.isTrue(mine.text().startsWith('\uFEFFSố quyết định,'))
    ;(await as(client.get('/reports/exports/999999/download'), owner)).assertStatus(404)
  })

  test('two runners racing for the same jobs never run one twice', async ({ assert }) => {
    const { province } = await openCases(2)
    const user = await makeUser(province.code, ['head'])
    const ids: number[] = []
    for (const format of ['csv', 'xlsx', 'csv'] as const) {
      ids.push(
        (
          await new RequestExportJob().handle(user, {
            form: 'report-unexecuted-cases',
            unit: province.code,
            ...PERIOD,
            format,
            locale: 'vi',
          })
        ).id
      )
    }
    const a = new ExportRunner('runner-a')
    const b = new ExportRunner('runner-b')
    const [wonA, wonB] = await Promise.all([a.runOne(ids[0]), b.runOne(ids[0])])
    assert.equal(Number(wonA) + Number(wonB), 1)
    assert.isFalse(await a.claim(ids[0]))
    const [ranA, ranB] = await Promise.all([a.drain(), b.drain()])
    assert.equal(ranA + ranB, 2)
    const jobs = await ExportJob.query().whereIn('id', ids)
    assert.isTrue(
      jobs.every((j) => j.status === 'done' && ['runner-a', 'runner-b'].includes(j.claimedBy!))
    )
  })

  test('a cell of form 07 is exported through a job as CSV; its contributions add up to the cell', async ({
    client,
    assert,
  }) => {
    const { province } = await openCases(3)
    const user = await makeUser(province.code, ['statistician'])
    const form = (
      await as(
        client
          .get(`/reports/forms/form-07-money?unit=${province.code}&year=2025&period=6`)
          .header('accept', 'application/json'),
        user
      )
    ).body()
    const cellValue = form.rows.find((r: any) => r.kind === 'total').values.c3
    ;(
      await queue(client, user, {
        form: 'form-07-money',
        unit: province.code,
        format: 'csv',
        target: 'cell',
        row: -1,
        col: 'c3',
      })
    ).assertStatus(302)
    const job = await lastJob(user)
    assert.include(job.toJSON(), { target: 'cell', rowKey: -1, columnKey: 'c3' })
    await new ExportRunner('test-cell').runOne(job.id)
    const file = await as(client.get(`/reports/exports/${job.id}/download`), user)
    file.assertStatus(200)
    const lines = file.text().slice(1).trim().split('\r\n')
    const header = lines[0].split(',')
    assert.deepEqual(header.slice(0, 5), [
      'Số quyết định',
      'Đơn vị',
      'Ngày thụ lý',
      'Trạng thái cuối kỳ',
      'Loại bút toán',
    ])
    const at = header.indexOf('Tính vào ô (đồng)')
    const sum = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[at]), 0)
    assert.lengthOf(lines, 4)
    assert.equal(sum, cellValue)
    assert.equal(sum, 6_000_000)
  })

  test("queuing is refused outside the reader's reach (403 + audit, no job) and for formats a list cannot take", async ({
    client,
    assert,
  }) => {
    const hanoi = await makeUser(UNITS.hanoi, ['statistician'])
    ;(
      await queue(client, hanoi, {
        form: 'report-unexecuted-cases',
        unit: UNITS.laocai,
        format: 'xlsx',
        target: 'list',
      })
    ).assertStatus(403)
    ;(
      await queue(client, hanoi, {
        form: 'form-06-cases',
        unit: UNITS.laocai,
        format: 'csv',
        target: 'cell',
        row: -1,
        col: 'c1',
      })
    ).assertStatus(403)
    const keeper = await makeUser(UNITS.hanoi, ['warehouse_keeper'])
    ;(
      await queue(client, keeper, {
        form: 'report-unexecuted-cases',
        unit: UNITS.hanoi,
        format: 'xlsx',
      })
    ).assertStatus(403)
    assert.lengthOf(await refusals(hanoi), 2)
    assert.lengthOf(await refusals(keeper), 1)
    const pdf = await queue(client, hanoi, {
      form: 'report-unexecuted-cases',
      unit: UNITS.hanoi,
      format: 'pdf',
    }).header('accept', 'application/json')
    pdf.assertStatus(422)
    assert.equal(pdf.body().errors[0].code, 'exports.unsupported_format')
    assert.lengthOf(await ExportJob.query().whereIn('user_id', [hanoi.id, keeper.id]), 0)
  })

  test('a job whose owner lost the jurisdiction fails with a reason, and the refusal is audited', async ({
    assert,
  }) => {
    const { province } = await openCases(1)
    const user = await makeUser(province.code, ['statistician'])
    const job = await new RequestExportJob().handle(user, {
      form: 'form-06-cases',
      unit: province.code,
      ...PERIOD,
      format: 'xlsx',
      locale: 'vi',
    })
    await db.from('user_roles').where('user_id', user.id).delete()
    await new ExportRunner('test-revoked').runOne(job.id)
    await job.refresh()
    assert.equal(job.status, 'failed')
    assert.isNull(job.filePath)
    assert.match(job.error!, /^Không tạo được tệp: /)
    assert.lengthOf(await refusals(user), 1)
  })

  test('expired files are deleted and no longer downloadable; a stalled job is failed', async ({
    client,
    assert,
  }) => {
    const { province } = await openCases(1)
    const user = await makeUser(province.code, ['statistician'])
    const job = await new RequestExportJob().handle(user, {
      form: 'form-06-cases',
      unit: province.code,
      ...PERIOD,
      format: 'csv',
      locale: 'vi',
    })
    await new ExportRunner('test-expiry').runOne(job.id)
    await job.refresh()
    const key = job.filePath!
    assert.isTrue(await drive.use('fs').exists(key))
    await db
      .from('export_jobs')
      .where('id', job.id)
      .update({ expires_at: DateTime.utc().minus({ minutes: 1 }).toFormat('yyyy-MM-dd HH:mm:ss') })
    const stuck = await new RequestExportJob().handle(user, {
      form: 'form-06-cases',
      unit: province.code,
      ...PERIOD,
      format: 'csv',
      locale: 'vi',
    })
    await db
      .from('export_jobs')
      .where('id', stuck.id)
      .update({
        status: 'running',
        claimed_by: 'gone',
        updated_at: DateTime.utc().minus({ hours: 1 }).toFormat('yyyy-MM-dd HH:mm:ss'),
      })
    const result = await new CleanExpiredExports().handle()
    assert.isAtLeast(result.deleted, 1)
    assert.isAtLeast(result.stalled, 1)
    assert.isFalse(await drive.use('fs').exists(key))
    await job.refresh()
    assert.equal(job.status, 'done')
    assert.isNull(job.filePath)
    const refused = await as(
      client.get(`/reports/exports/${job.id}/download`).header('accept', 'application/json'),
      user
    )
    refused.assertStatus(422)
    assert.equal(refused.body().errors[0].code, 'exports.not_ready')
    const page = await as(client.get('/reports/exports'), user)
    assert.include(page.text(), 'Đã hết hạn')
    await stuck.refresh()
    assert.equal(stuck.status, 'failed')
    assert.equal(stuck.error, 'Tiến trình tạo tệp bị gián đoạn.')
  })
})

test.group('Exports: the in-process runner', (group) => {
  group.teardown(removeStoredFiles)

  test('a queued job is picked up by the process runner right after the request', async ({
    client,
    assert,
  }) => {
    const { province } = await openCases(2)
    const user = await makeUser(province.code, ['statistician'])
    const response = await queue(client, user, {
      form: 'form-06-cases',
      unit: province.code,
      format: 'xlsx',
    }).header('accept', 'application/json')
    response.assertStatus(202)
    await exportRunner.idle()
    const job = await ExportJob.findOrFail(response.body().id)
    assert.equal(job.status, 'done')
    assert.equal(job.claimedBy, exportRunner.instanceId)
    const file = await as(client.get(`/reports/exports/${job.id}/download`), user)
    assert.equal(
      (await workbook(file.body())).worksheets[0].getCell('A1').value,
      'Biểu số: 06/TK-THA'
    )
  })
})
