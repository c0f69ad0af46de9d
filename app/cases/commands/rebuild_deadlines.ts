import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Recomputes every pending deadline fact (`case_deadlines`) from the cases' events, publications and
 * collections — after a bulk load (demo:generate, an import) or to check the table. Each chunk of cases is
 * replaced in its own transaction, so the lists stay readable while it runs.
 */
export default class RebuildDeadlines extends BaseCommand {
  static commandName = 'deadlines:rebuild'
  static description = 'Recompute the pending legal deadlines of every case and pending request'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Database connection (sqlite | mysql); default: DB_CONNECTION' })
  declare connection?: string

  async run() {
    const { rebuildDeadlines } = await import('#cases')
    const done = await rebuildDeadlines({
      connection: this.connection,
      log: (line) => this.logger.info(line),
    })
    this.logger.success(
      `${done.cases.toLocaleString('en')} cases, ${done.rows.toLocaleString('en')} pending deadlines in ${done.seconds.toFixed(1)} s`
    )
  }
}
