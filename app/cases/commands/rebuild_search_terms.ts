import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Rebuilds the search terms (`case_search_terms`) of every case — after a bulk load (demo:generate) whose
 * writers bypass the upkeep on write, or to repair the table. Each chunk of cases is replaced in its own
 * transaction.
 */
export default class RebuildSearchTerms extends BaseCommand {
  static commandName = 'search:rebuild'
  static description = 'Rebuild the search terms (numbers, names, receipts) of every case'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Database connection (sqlite | mysql); default: DB_CONNECTION' })
  declare connection?: string

  async run() {
    const { rebuildSearchTerms } = await import('#cases')
    const done = await rebuildSearchTerms({
      connection: this.connection,
      log: (line) => this.logger.info(line),
    })
    this.logger.success(
      `${done.cases.toLocaleString('en')} cases, ${done.rows.toLocaleString('en')} search terms in ${done.seconds.toFixed(1)} s`
    )
  }
}
