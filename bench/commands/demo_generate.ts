import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Generates a synthetic national case history for the scale benchmark (docs/performance.md): synthetic
 * districts for every province, officers, and N cases over two statistical years with consistent spans,
 * assignments and money entries. Refuses production and databases that already hold generated data.
 */
export default class DemoGenerate extends BaseCommand {
  static commandName = 'demo:generate'
  static description =
    'Generate a synthetic national history of N cases (benchmark data; never in production)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Number of cases to generate', required: true })
  declare cases: number

  @flags.number({ description: 'Random seed (same seed, same data)', default: 1 })
  declare seed: number

  @flags.number({ description: 'Statistical years to cover, ending with --end-year', default: 2 })
  declare years: number

  @flags.number({ description: 'Last statistical year (1 Oct Y−1 … 30 Sep Y)', default: 2025 })
  declare endYear: number

  @flags.string({ description: 'Database connection (sqlite | mysql); default: DB_CONNECTION' })
  declare connection?: string

  @flags.boolean({ description: 'Add cases to a database that already has generated data' })
  declare append: boolean

  async run() {
    if (this.app.inProduction) {
      this.logger.error('demo:generate never runs in production.')
      this.exitCode = 1
      return
    }
    if (!Number.isInteger(this.cases) || this.cases < 1) {
      this.logger.error('--cases must be a positive integer')
      this.exitCode = 1
      return
    }
    const db = (await import('@adonisjs/lucid/services/db')).default
    const connection = this.connection ?? db.primaryConnectionName
    const migrate = await this.kernel.exec('migration:run', [
      '--force',
      `--connection=${connection}`,
    ])
    if (migrate.exitCode !== 0) {
      this.exitCode = 1
      return
    }
    const { seedReferenceUnits } = await import('#database/seeders/reference_units')
    const { generateNationalDemo, DemoRefused } = await import('#database/synthetic/national_demo')
    // The reference seeder writes through the default connection.
    if (connection === db.primaryConnectionName) await seedReferenceUnits()
    try {
      const summary = await generateNationalDemo({
        connection,
        cases: this.cases,
        seed: this.seed,
        years: this.years,
        endYear: this.endYear,
        append: this.append,
        log: (line) => this.logger.info(line),
      })
      const rows = summary.cases + summary.spans + summary.assignments + summary.entries
      this.logger.success(
        `${summary.cases.toLocaleString('en')} cases, ${summary.spans.toLocaleString('en')} status spans, ${summary.assignments.toLocaleString('en')} assignments, ${summary.entries.toLocaleString('en')} money entries (${rows.toLocaleString('en')} rows) in ${summary.seconds.toFixed(1)} s on ${summary.connection}, ${summary.from} … ${summary.horizon}`
      )
      const mix = Object.entries(summary.statuses)
        .sort((a, b) => b[1] - a[1])
        .map(([s, n]) => `${s} ${((100 * n) / summary.cases).toFixed(1)}%`)
      this.logger.info(`status at ${summary.horizon}: ${mix.join(', ')}`)
      // The deadline facts of the loaded cases (the lists and the dashboards read them).
      const { rebuildDeadlines } = await import('#cases')
      const facts = await rebuildDeadlines({ connection, log: (line) => this.logger.info(line) })
      this.logger.info(
        `deadline facts: ${facts.rows.toLocaleString('en')} pending deadlines in ${facts.seconds.toFixed(1)} s`
      )
      // The search terms of the loaded cases (the header search and the case list's name search read them).
      const { rebuildSearchTerms } = await import('#cases')
      const terms = await rebuildSearchTerms({ connection, log: (line) => this.logger.info(line) })
      this.logger.info(
        `search terms: ${terms.rows.toLocaleString('en')} terms of ${terms.cases.toLocaleString('en')} cases in ${terms.seconds.toFixed(1)} s`
      )
    } catch (error) {
      if (error instanceof DemoRefused) {
        this.logger.error(error.message)
        this.exitCode = 1
        return
      }
      throw error
    }
  }
}
