import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

const PASSWORD = 'Bench-only-2026!'

/**
 * Every scale goal of issue 10 in one run on the data of `demo:generate` (docs/performance.md), side by side:
 *   1. `/deadlines` vs `/cases` for a province head; the head's dashboard vs a trivial authenticated page;
 *   2. `/cases` p95 under N concurrent sessions (page 1, a deep keyset page, other sorts and a filter) vs the
 *      trivial page under the same load, and the server's memory growth;
 *   3. the xlsx export of the unexecuted-cases list vs exceljs's streaming writer alone, per row, and the
 *      memory growth of the exporting process;
 *   4. forms 06 and 07 vs hand-written queries, district and province vs national (`bench:forms`).
 * Starts its own server of this worktree on --port (same database as this command).
 */
export default class BenchScale extends BaseCommand {
  static commandName = 'bench:scale'
  static description = 'Time every list, dashboard, export and form against its baseline (issue 10)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Port of the bench server', default: 3443 })
  declare port: number

  @flags.number({ description: 'Timed runs per page (median)', default: 7 })
  declare runs: number

  @flags.number({ description: 'Concurrent sessions', default: 50 })
  declare sessions: number

  @flags.number({ description: 'Requests per session under load', default: 6 })
  declare rounds: number

  @flags.string({ description: 'Province of the head', default: 'T01' })
  declare province: string

  @flags.string({ description: 'Unit of the exported list', default: 'TC' })
  declare exportUnit: string

  @flags.array({ description: 'Parts to skip: http, export, forms' })
  declare skip: string[]

  async run() {
    if (this.app.inProduction) {
      this.logger.error('bench:scale is not run in production.')
      this.exitCode = 1
      return
    }
    const db = (await import('@adonisjs/lucid/services/db')).default
    const { User } = await import('#accounts')
    const out = (line = '') => this.logger.log(line)
    const skip = new Set(this.skip ?? [])
    const cases = Number((await db.from('cases').count('* as n').first())?.n ?? 0)
    out(`## bench:scale on ${db.connection().dialect.name}, ${cases.toLocaleString('en')} cases`)

    const userOf = async (email: string, unitCode: string, role: string) => {
      const unit = await db.from('units').where('code', unitCode).firstOrFail()
      let user = await User.findBy('email', email)
      if (!user) {
        user = await User.create({
          email,
          fullName: `Bench ${role} ${unitCode}`,
          unitId: unit.id,
          password: PASSWORD,
          status: 'active',
          mustChangePassword: false,
          sessionEpoch: 1,
        })
        await user.related('roles').create({ role: role as any })
      }
      await user.load('roles')
      await user.load('unit')
      return user
    }
    const head = await userOf(
      `bench-head-${this.province.toLowerCase()}@bench.invalid`,
      this.province,
      'head'
    )
    const stat = await userOf('bench-statistician@bench.invalid', 'TC', 'statistician')

    if (!skip.has('http')) await this.http(db, head.email, out)
    if (!skip.has('export')) await this.exportBench(stat, out)
    if (!skip.has('forms')) {
      out()
      const run = await this.kernel.exec('bench:forms', [
        '--runs',
        String(Math.min(this.runs, 5)),
        '--skip-plans',
      ])
      if (run.exitCode) this.exitCode = 1
    }
  }

  private async http(db: any, email: string, out: (l?: string) => void) {
    const { startServer, Session, timePages, load, rssMb } = await import('../http.js')
    const env: Record<string, string> = {}
    for (const k of [
      'DB_CONNECTION',
      'SQLITE_FILE',
      'DB_HOST',
      'DB_PORT',
      'DB_USER',
      'DB_PASSWORD',
      'DB_DATABASE',
    ])
      if (process.env[k] !== undefined) env[k] = process.env[k]!
    const { child, base } = await startServer(this.app.makePath(), this.port, env)
    try {
      const s = await new Session(base).login(email, PASSWORD)
      // A cursor 99 pages deep into the head's list (what following "Sau ›" 99 times reaches).
      const unit = await db.from('units').where('code', this.province).firstOrFail()
      const hi = `${unit.path.slice(0, -1)}0`
      const deepRow = await db
        .from('cases')
        .where('draft_status', 'approved')
        .where('unit_path', '>=', unit.path)
        .where('unit_path', '<', hi)
        .orderBy('decision_date', 'desc')
        .orderBy('id', 'desc')
        .offset(99 * 25 - 1)
        .select('decision_date', 'id')
        .first()
      const deep = Buffer.from(
        JSON.stringify({
          v: [String(deepRow.decision_date).slice(0, 10), deepRow.id],
          p: 100,
          t: 10001,
        })
      ).toString('base64url')
      const trivial = '/account/password'
      const ms = (x: number) => `${x.toFixed(1)} ms`

      out()
      out(
        `### pages for the head of ${this.province} (median of ${this.runs}, interleaved, one session)`
      )
      const [list, deadlines, deepList] = await timePages(
        s,
        ['/cases', '/deadlines', `/cases?after=${deep}`],
        this.runs
      )
      out(
        `/cases ${ms(list.median)} · /deadlines ${ms(deadlines.median)} · /cases page 100 ${ms(deepList.median)}`
      )
      out(`  /deadlines ÷ /cases = ${(deadlines.median / list.median).toFixed(2)}× (goal ≤ 2×)`)
      const [home, plain] = await timePages(s, ['/', trivial], this.runs)
      out(`dashboard / ${ms(home.median)} · trivial ${trivial} ${ms(plain.median)}`)
      out(`  dashboard ÷ trivial = ${(home.median / plain.median).toFixed(2)}× (goal ≤ 3×)`)

      out()
      out(`### /cases under ${this.sessions} concurrent sessions × ${this.rounds} requests`)
      const sessions = [s]
      while (sessions.length < this.sessions)
        sessions.push(await new Session(base).login(email, PASSWORD))
      const views = [
        '/cases',
        `/cases?after=${deep}`,
        '/cases?sort=remaining&dir=desc',
        '/cases?sort=debtor_name&dir=asc&status=open',
        '/cases?sort=number&dir=desc',
      ]
      const rss0 = rssMb(child)
      await load(sessions, 1, () => trivial)
      const plainLoad = await load(sessions, this.rounds, () => trivial)
      const listLoad = await load(sessions, this.rounds, (i, r) => views[(i + r) % views.length])
      const plainAgain = await load(sessions, this.rounds, () => trivial)
      const rss1 = rssMb(child)
      const plainP95 = Math.max(plainLoad.p95, plainAgain.p95)
      out(
        `trivial: p50 ${ms(plainLoad.p50)} p95 ${ms(plainLoad.p95)} (again after: p95 ${ms(plainAgain.p95)})`
      )
      out(
        `/cases (page 1, page 100, 3 other sorts/filters): p50 ${ms(listLoad.p50)} p95 ${ms(listLoad.p95)} (${listLoad.n} requests)`
      )
      out(
        `  /cases p95 ÷ trivial p95 = ${(listLoad.p95 / plainP95).toFixed(2)}× (goal ≤ 3×; the larger trivial p95 of the two runs)`
      )
      out(`  server RSS ${rss0.toFixed(0)} MB → ${rss1.toFixed(0)} MB`)
    } finally {
      child.kill()
    }
  }

  private async exportBench(user: any, out: (l?: string) => void) {
    const { produceExport } = await import('#reporting/exports/services/produce')
    const { rm } = await import('node:fs/promises')
    const ExcelJS = (await import('exceljs')).default
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    out()
    out(`### xlsx export of the unexecuted-cases list of ${this.exportUnit} (2025, period 12)`)
    const peak = { rss: process.memoryUsage().rss }
    const timer = setInterval(() => {
      peak.rss = Math.max(peak.rss, process.memoryUsage().rss)
    }, 50)
    const rss0 = process.memoryUsage().rss
    let t = performance.now()
    const made = await produceExport(user, {
      form: 'report-unexecuted-cases',
      unit: this.exportUnit,
      year: 2025,
      period: 12,
      format: 'xlsx',
      locale: 'vi',
      target: 'list',
    })
    const exportMs = performance.now() - t
    clearInterval(timer)
    const rows = made.rows ?? 0
    if (made.path) await rm(made.path, { force: true })

    // exceljs's streaming writer alone: the same number of rows of the same shape and styles, from memory.
    const file = join(tmpdir(), `bench-exceljs-${process.pid}.xlsx`)
    t = performance.now()
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useStyles: true,
      useSharedStrings: false,
    })
    const ws = wb.addWorksheet('bench')
    const border = {
      top: { style: 'thin' },
      left: { style: 'thin' },
      bottom: { style: 'thin' },
      right: { style: 'thin' },
    } as any
    for (let i = 1; i <= rows; i++) {
      const row = ws.addRow([
        i,
        `${i}/QĐ-CCTHADS`,
        'T01-D01',
        '01/10/2024',
        'Đang thi hành',
        12_345_000 + i,
      ])
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.font = { name: 'Times New Roman', size: 12 }
        cell.border = border
        if (col === 6) cell.numFmt = '#,##0'
      })
      row.commit()
    }
    ws.commit()
    await wb.commit()
    const rawMs = performance.now() - t
    await rm(file, { force: true })
    const perRow = (x: number) => `${((x * 1000) / Math.max(1, rows)).toFixed(1)} µs/row`
    out(
      `THADS export: ${rows.toLocaleString('en')} rows in ${(exportMs / 1000).toFixed(1)} s (${perRow(exportMs)})`
    )
    out(`exceljs streaming writer alone: ${(rawMs / 1000).toFixed(1)} s (${perRow(rawMs)})`)
    out(`  export ÷ exceljs per row = ${(exportMs / rawMs).toFixed(2)}× (goal ≤ 2×)`)
    // Where the rest goes: the same list read page by page (SQL + rows), nothing written.
    const { listSource } = await import('#reporting/exports/services/list_source')
    t = performance.now()
    const source = await listSource(user, {
      form: 'report-unexecuted-cases',
      unit: this.exportUnit,
      year: 2025,
      period: 12,
      target: 'list',
    })
    let read = 0
    for await (const page of source.pages()) read += page.length
    const readMs = performance.now() - t
    out(
      `  reading the list alone (SQL, no file): ${(readMs / 1000).toFixed(1)} s for ${read.toLocaleString('en')} rows (${perRow(readMs)})`
    )
    out(
      `  memory growth during the export: ${((peak.rss - rss0) / 2 ** 20).toFixed(0)} MB peak RSS over the start (goal < 300 MB)`
    )
  }
}
