import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The daily gap measurement of the reconciliation (SPEC §9: progress is tracked until the gap closes): one
 * snapshot per province and per district that has paper figures for the period, from one comparison per
 * province. Run it once a day (cron, e.g. `15 1 * * * node ace reconciliation:snapshot`); a second run the
 * same day replaces that day's measurement.
 */
export default class ReconciliationSnapshot extends BaseCommand {
  static commandName = 'reconciliation:snapshot'
  static description =
    'Record today’s reconciliation gaps (paper − software) for the progress charts'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Statistical year (default: that of the last ended period)' })
  declare year?: number

  @flags.number({ description: 'Period 1–12 (default: the last ended period)' })
  declare period?: number

  async run() {
    const { today } = await import('#core')
    const { periodOf } = await import('#periods')
    const { snapshotAll, formPlugin, loadPlugins } = await import('#reporting')
    if (!formPlugin('form-06-cases'))
      await loadPlugins(this.app.makePath('plugins'), this.logger as any)
    const { year, n } = periodOf(today())
    const last = n === 1 ? { year: year - 1, period: 12 } : { year, period: n - 1 }
    const y = this.year ?? last.year
    const p = this.period ?? last.period
    const count = await snapshotAll(y, p)
    this.logger.info(`Recorded ${count} reconciliation snapshots for period ${p}, year ${y}`)
  }
}
