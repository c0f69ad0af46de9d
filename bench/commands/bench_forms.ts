import { writeFileSync } from 'node:fs'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Scale benchmark of forms 06 and 07 on the data of `demo:generate` (docs/performance.md). In one run, on the same
 * data, for each form:
 *   (a) the national form through the engine (buildContext + computeForm, as the national statistician gets it);
 *   (b) one hand-written GROUP BY per province over the national civil tree (bench/form06.ts, bench/form07.ts)
 *       — and checks both give the same numbers;
 *   (c) a district's form and a province's form vs the national one, with their query plans summarised.
 * Warm-up first, then the median of --runs runs. Uses the default connection (DB_CONNECTION, SQLITE_FILE, DB_DATABASE).
 */
export default class BenchForms extends BaseCommand {
  static commandName = 'bench:forms'
  static description =
    'Time forms 06 and 07 nationally (engine vs hand-written SQL), per province and per district'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Statistical year', default: 2025 })
  declare year: number

  @flags.number({ description: 'Period (1..12)', default: 12 })
  declare period: number

  @flags.number({ description: 'Timed runs after one warm-up (median reported)', default: 5 })
  declare runs: number

  @flags.string({ description: 'District code (default: the district with the most cases)' })
  declare district?: string

  @flags.string({ description: 'Province code for the province form', default: 'T79' })
  declare province: string

  @flags.string({
    description: 'Also write the engine SQL of each form to <prefix>-<unit code>.sql',
  })
  declare dump?: string

  @flags.string({ description: 'Forms to time: 06, 07 or all', default: 'all' })
  declare forms: string

  @flags.boolean({ description: 'Skip the query plans' })
  declare skipPlans: boolean

  async run() {
    if (this.app.inProduction) {
      this.logger.error('bench:forms is not run in production.')
      this.exitCode = 1
      return
    }
    const db = (await import('@adonisjs/lucid/services/db')).default
    const { buildContext, defaultLayout, formPlugin, loadPlugins, periodRange, TOTAL_KEY } =
      await import('#reporting')
    const { computeForm, measureQuery } = await import('#reporting/services/engine')
    const { rawForm06Sql, timeIt, timeInterleaved, explain } = await import('../form06.js')
    const { rawForm07Sql } = await import('../form07.js')
    const out = (line = '') => this.logger.log(line)
    if (!formPlugin('form-06-cases')) await loadPlugins(this.app.makePath('plugins'))
    const period = periodRange(this.year, this.period)
    const dialect = db.connection().dialect.name

    const count = async (table: string) =>
      Number((await db.from(table).count('* as n').first())?.n ?? 0)
    const counts: Record<string, number> = {}
    for (const t of [
      'units',
      'users',
      'cases',
      'case_status_spans',
      'case_assignments',
      'money_entries',
    ])
      counts[t] = await count(t)
    out(
      `## bench:forms on ${dialect} — forms ${this.forms}, year ${period.year} period ${period.n} (${period.start} … ${period.end}), median of ${this.runs} runs after a warm-up`
    )
    out(
      `rows: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
        .join(', ')}`
    )

    const unitRef = (u: any) => ({
      id: Number(u.id),
      code: u.code,
      name: u.name,
      path: u.path,
      level: u.level,
      parentId: u.parent_id === null ? null : Number(u.parent_id),
    })
    const national = unitRef(await db.from('units').where('code', 'TC').firstOrFail())
    const province = unitRef(await db.from('units').where('code', this.province).firstOrFail())
    const district = this.district
      ? unitRef(await db.from('units').where('code', this.district).firstOrFail())
      : unitRef(
          await db
            .from('units as u')
            .join('cases as c', 'c.unit_id', 'u.id')
            .where('u.level', 'district')
            .groupBy('u.id', 'u.code', 'u.name', 'u.path', 'u.level', 'u.parent_id')
            .select('u.id', 'u.code', 'u.name', 'u.path', 'u.level', 'u.parent_id')
            .orderByRaw('COUNT(*) DESC')
            .firstOrFail()
        )

    const contextOf = (unit: ReturnType<typeof unitRef>) =>
      buildContext({ unit, period, layout: defaultLayout(unit), officerId: null })
    const selected = [
      ['06', 'form-06-cases', rawForm06Sql],
      ['07', 'form-07-money', rawForm07Sql],
    ].filter(([no]) => this.forms === 'all' || this.forms === no) as [
      string,
      string,
      typeof rawForm06Sql,
    ][]
    for (const [no, formId, rawOf] of selected) {
      const plugin = formPlugin(formId)
      const definition = plugin?.definition
      if (!plugin || !definition || definition.kind !== 'form')
        throw new Error(`${formId} is not loaded`)
      if (definition.type === 'custom' || definition.type === 'list') continue
      out()
      out(`### form ${no} (${formId})`)
      const form = async (unit: ReturnType<typeof unitRef>) =>
        computeForm(plugin.manifest, definition, await contextOf(unit))

      // (a) engine, national, and (b) the hand-written SQL per province, timed interleaved
      const rawSql = rawOf(period.start, period.end, national.path)
      const rawRows = async () => {
        const result: any = await db.rawQuery(rawSql)
        return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as any[]
      }
      const [engine, raw] = await timeInterleaved<[Awaited<ReturnType<typeof form>>, any[]]>(
        this.runs,
        [() => form(national), rawRows]
      )

      // Same numbers: every province row, the national office's own row and the total.
      const columns = definition.columns.filter((c) => !c.derive).map((c) => c.key)
      const byProvince = new Map(raw.result.map((r: any) => [Number(r.province_id), r]))
      const mismatches: string[] = []
      const total: Record<string, number> = Object.fromEntries(columns.map((c) => [c, 0]))
      for (const r of raw.result) for (const c of columns) total[c] += Number(r[c] ?? 0)
      for (const row of engine.result.rows) {
        const expected = row.key === TOTAL_KEY ? total : byProvince.get(row.key)
        for (const c of columns) {
          if (Number(row.values[c] ?? 0) !== Number(expected?.[c] ?? 0))
            mismatches.push(
              `${row.unitCode ?? row.kind} ${c}: engine ${row.values[c]} vs raw ${expected?.[c] ?? 0}`
            )
        }
      }
      const failedRules = engine.result.rules.filter((r) => !r.passed)

      // (c) province and district forms
      const provinceRun = await timeIt(this.runs, () => form(province))
      const districtRun = await timeIt(this.runs, () => form(district))
      const generated = Number(
        (await db.from('cases').where('unit_id', district.id).count('* as n').first())?.n
      )

      const totals = engine.result.rows.find((r) => r.key === TOTAL_KEY)!.values
      const ms = (x: number) => `${x.toFixed(1)} ms`
      out()
      out(`national total: ${columns.map((c) => `${c}=${totals[c]}`).join(' ')}`)
      out(
        `(a) engine, national form (64 rows + total):   ${ms(engine.median)}   runs ${engine.times.map((t) => t.toFixed(0)).join(', ')}`
      )
      out(
        `(b) hand-written GROUP BY per province:         ${ms(raw.median)}   runs ${raw.times.map((t) => t.toFixed(0)).join(', ')}`
      )
      out(
        `    engine / raw = ${(engine.median / raw.median).toFixed(2)}×; identical numbers: ${mismatches.length === 0 ? 'yes' : `NO (${mismatches.length} cells differ)`}; failed rules: ${failedRules.length}`
      )
      for (const m of mismatches.slice(0, 10)) out(`    ✗ ${m}`)
      out(
        `(c) province ${province.code} form (per unit):     ${ms(provinceRun.median)}   = ${(provinceRun.median / engine.median).toFixed(3)}× national`
      )
      out(
        `    district ${district.code} form (per officer): ${ms(districtRun.median)}   = ${(districtRun.median / engine.median).toFixed(3)}× national; cases of the district: ${generated}`
      )

      if (mismatches.length || failedRules.length) this.exitCode = 1
      if (this.skipPlans) continue
      for (const [label, unit] of [
        ['national', national],
        [`province ${province.code}`, province],
        [`district ${district.code}`, district],
      ] as const) {
        const q = measureQuery(definition, await contextOf(unit))
        out()
        if (this.dump) writeFileSync(`${this.dump}-${unit.code}.sql`, `${q.grouped.toQuery()};\n`)
        out(`plan, ${label}, grouped query:`)
        for (const line of await explain(q.grouped.toQuery())) out(`    ${line}`)
        if (label === 'national') {
          out('plan, national, hand-written query:')
          for (const line of await explain(rawSql)) out(`    ${line}`)
        }
      }
    }
  }
}
