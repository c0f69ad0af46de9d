import { readFile } from 'node:fs/promises'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Checks every audit chain against the latest signed checkpoint (or a published copy given with --checkpoint)
 * and reports the first altered, deleted or cut-off row of each chain. Exit code 1 when anything is wrong.
 */
export default class AuditVerify extends BaseCommand {
  static commandName = 'audit:verify'
  static description = 'Verify the audit hash chains against the latest signed checkpoint'
  static options: CommandOptions = { startApp: true }

  @flags.string({
    description: 'A published checkpoint file (JSON) to verify against instead of the stored one',
  })
  declare checkpoint?: string

  @flags.boolean({ description: 'Print the report as JSON' })
  declare json: boolean

  async run() {
    const { verifyAudit } = await import('../services/verify.js')
    const given = this.checkpoint ? JSON.parse(await readFile(this.checkpoint, 'utf8')) : undefined
    const report = await verifyAudit(given)
    if (this.json) {
      console.log(JSON.stringify(report, null, 2))
    } else {
      this.logger.info(
        `${report.chains} chains, ${report.rows} chained rows` +
          (report.legacyRows ? `, ${report.legacyRows} rows from before the chain` : '') +
          (report.checkpoint
            ? `; checkpoint ${report.checkpoint.id} (${report.checkpoint.createdAt})`
            : '; no checkpoint yet (run audit:checkpoint): cut-off rows at the end cannot be detected')
      )
      if (report.checkpoint?.devKey)
        this.logger.warning('the checkpoint is signed with a DEVELOPMENT key')
      for (const problem of report.problems) this.logger.error(`${problem.kind}: ${problem.detail}`)
      if (report.ok) this.logger.success('audit trail intact')
    }
    if (!report.ok) this.exitCode = 1
  }
}
