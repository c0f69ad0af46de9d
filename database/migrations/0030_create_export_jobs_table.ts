import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Export jobs: a form, a list report or a drill-down turned into a file (xlsx / pdf / csv) in the background.
 * A runner claims a queued job with `UPDATE … WHERE id = ? AND status = 'queued'` (one instance wins), writes
 * progress 0–100, then stores the file on the private drive disk. Only the requester downloads it, until
 * `expires_at`, after which the file is deleted and the row kept as history.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('export_jobs', (table) => {
      table.increments('id')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.string('form', 64).notNullable()
      table.string('target', 8).notNullable() // form | list | cell
      table.integer('year').notNullable()
      table.integer('period').notNullable()
      table.string('layout', 8).nullable() // officer | unit (null = default for the unit)
      table.integer('row_key').nullable() // drill-down: row and column of the cell
      table.string('column_key', 32).nullable()
      table.string('format', 8).notNullable() // xlsx | pdf | csv
      table.string('locale', 5).notNullable()
      table.string('status', 8).notNullable() // queued | running | done | failed
      table.integer('progress').unsigned().notNullable().defaultTo(0)
      table.string('claimed_by', 96).nullable()
      table.string('file_path', 255).nullable()
      table.string('file_name', 160).nullable()
      table.integer('file_size').unsigned().nullable()
      table.text('error').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.timestamp('started_at').nullable()
      table.timestamp('finished_at').nullable()
      table.timestamp('expires_at').nullable()
      table.index(['user_id', 'created_at'])
      table.index(['status', 'id'])
      table.index(['expires_at'])
    })
  }

  async down() {
    this.schema.dropTable('export_jobs')
  }
}
