import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Printed forms (PDF/Excel of 06/07…) and their stored snapshot: the computed form exactly as printed, its
 * SHA-256 and the audit checkpoint current at print time. The QR code on the paper opens /verify/<token>?h=<hash>,
 * a public page that says whether that printed report matches the stored snapshot. The token is random (128 bits):
 * nobody can walk through other reports. Append-only in practice (nothing updates it).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('printed_reports', (table) => {
      table.increments('id')
      table.string('token', 40).notNullable().unique()
      table.string('form_id', 64).notNullable()
      table.string('form_version', 32).nullable()
      table.integer('unit_id').unsigned().notNullable()
      table.string('unit_path', 255).notNullable()
      table.string('unit_name', 255).notNullable()
      table.integer('year').notNullable()
      table.integer('period').notNullable()
      table.string('format', 8).notNullable()
      table.text('snapshot', 'longtext').notNullable()
      table.string('sha256', 64).notNullable()
      table.integer('checkpoint_id').unsigned().nullable()
      table.string('checkpoint_digest', 64).nullable()
      table.integer('created_by_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('printed_reports')
  }
}
