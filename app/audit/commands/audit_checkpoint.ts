import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Signs and publishes a checkpoint of every audit chain (run it periodically, e.g. hourly from cron). */
export default class AuditCheckpoint extends BaseCommand {
  static commandName = 'audit:checkpoint'
  static description =
    'Sign (Ed25519) the size and head of every audit chain and publish it on the drive disk'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { createCheckpoint } = await import('../services/checkpoints.js')
    const checkpoint = await createCheckpoint()
    const statement = JSON.parse(checkpoint.payload)
    this.logger.success(
      `checkpoint ${checkpoint.id}: ${statement.chains.length} chains, signed by key ${checkpoint.key_id}, published at ${checkpoint.path}`
    )
    if (checkpoint.dev_key) {
      this.logger.warning(
        'signed with a generated DEVELOPMENT key: set AUDIT_SIGNING_KEY for real use'
      )
    }
  }
}
