import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** `node ace bench:import --cases N` — the import benchmark of bench/import.ts (docs/performance.md). */
export default class BenchImport extends BaseCommand {
  static commandName = 'bench:import'
  static description =
    'Time the historical import (dry run, commit) against raw batched INSERTs of the same rows'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Cases in the generated file', default: 10_000 })
  declare cases: number

  async run() {
    if (this.app.inProduction) {
      this.logger.error('bench:import is not run in production.')
      this.exitCode = 1
      return
    }
    const ace = await this.app.container.make('ace')
    await ace.exec('migration:run', ['--force'])
    const { seedReferenceUnits } = await import('#database/seeders/reference_units')
    await seedReferenceUnits()
    const { seedReferenceHolidays } = await import('#database/seeders/reference_holidays')
    await seedReferenceHolidays()
    const { benchImport } = await import('../import.js')
    await benchImport(this.cases, (line) => this.logger.info(line))
  }
}
