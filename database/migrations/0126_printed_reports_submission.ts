import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A printed submission (PDF/Excel of a submission's immutable snapshot) names its submission, so the public
 * verification page can say whether the printout still matches the stored submission and whether a newer
 * version or a revision came after it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('printed_reports', (table) => {
      table.integer('submission_id').unsigned().nullable()
      table.index(['submission_id'])
    })
  }

  async down() {
    this.schema.alterTable('printed_reports', (table) => {
      table.dropIndex(['submission_id'])
      table.dropColumn('submission_id')
    })
  }
}
