import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Runs the import batches waiting to be committed (or resumes those a dead process left), outside the web
 * server: `node ace imports:run` (all), `--batch=ID` (one confirmed batch). Env IMPORT_CHUNK and
 * IMPORT_CHUNK_DELAY_MS set the chunk size and a pause after each chunk (the kill -9 test uses them).
 */
export default class ImportRun extends BaseCommand {
  static commandName = 'imports:run'
  static description = 'Commit confirmed import batches and resume interrupted ones'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Only this batch' })
  declare batch?: number

  @flags.number({
    description: 'Take over batches whose heartbeat is older than this (ms)',
    default: 60_000,
  })
  declare staleMs: number

  async run() {
    const { importRunner } = await import('../services/runner.js')
    importRunner.pause()
    if (this.batch) {
      const ran = await importRunner.runOne(this.batch)
      this.logger.info(ran ? `batch ${this.batch} done` : `batch ${this.batch} not runnable here`)
      return
    }
    const resumed = await importRunner.resumeStale(this.staleMs)
    const ran = await importRunner.drain()
    this.logger.info(`resumed ${resumed}, ran ${ran}`)
  }
}
