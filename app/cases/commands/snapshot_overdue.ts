import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * The daily job of the overdue trend (issue 11): counts the deadlines due before the day per unit and officer
 * (`overdue_snapshots`) in one grouped INSERT … SELECT. Run it once a day (cron, after midnight Asia/Ho_Chi_Minh);
 * running it again the same day retakes that day's snapshot.
 */
export default class SnapshotOverdue extends BaseCommand {
  static commandName = 'deadlines:snapshot'
  static description = 'Take the daily snapshot of overdue deadline counts per unit and officer'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'The day (YYYY-MM-DD); default: today' })
  declare day?: string

  async run() {
    const { takeOverdueSnapshot } = await import('#cases')
    const groups = await takeOverdueSnapshot(this.day)
    this.logger.success(`overdue snapshot ${this.day ?? 'today'}: ${groups} unit/officer groups`)
  }
}
