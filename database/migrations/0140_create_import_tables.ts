import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Historical import (SPEC §8, QĐ 380 Đ13): a file of cases and their whole dated history enters in stages.
 *   import_batches      — one uploaded file: kept on the drive disk, checked (dry run) → confirmed by the head →
 *                         committed by a background job with a checkpoint (`done_records`, moved in the same
 *                         transaction as each chunk of cases, so a killed process resumes where it stopped).
 *                         status: checked | refused | failed_check | confirmed | committing | committed
 *                                 | rolling_back | rolled_back | failed
 *   import_row_errors   — the dry run's per-row errors with the file's line numbers.
 *   import_records      — one row per case a batch created or updated; for an update, the case as it was before
 *                         (in the import format) so a rollback can restore it.
 * Imported cases, events and money entries carry the batch (import_batch_id); cases also their
 * (source_system, external_id) key — unique, so a re-upload never duplicates — and the hash of the record.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('import_batches', (table) => {
      table.increments('id')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.string('file_name', 255).notNullable()
      table.string('file_key', 255).notNullable()
      table.string('format', 8).notNullable() // csv | xlsx
      table.bigInteger('file_size').notNullable().defaultTo(0)
      table.string('sha256', 64).nullable()
      table.text('unit_codes').nullable() // the units named by the file (the confirming head must reach all)
      table.string('status', 16).notNullable()
      table.integer('total_rows').unsigned().notNullable().defaultTo(0)
      table.integer('total_records').unsigned().notNullable().defaultTo(0)
      table.integer('to_create').unsigned().notNullable().defaultTo(0)
      table.integer('to_update').unsigned().notNullable().defaultTo(0)
      table.integer('unchanged').unsigned().notNullable().defaultTo(0)
      table.integer('rejected').unsigned().notNullable().defaultTo(0)
      table.integer('error_rows').unsigned().notNullable().defaultTo(0)
      table.integer('done_records').unsigned().notNullable().defaultTo(0)
      table.integer('progress').unsigned().notNullable().defaultTo(0)
      table.text('message').nullable()
      table.integer('confirmed_by_id').unsigned().nullable().references('id').inTable('users')
      table.timestamp('confirmed_at').nullable()
      table.string('claimed_by', 96).nullable()
      table.timestamp('heartbeat_at').nullable()
      table.timestamp('finished_at').nullable()
      table.integer('rolled_back_by_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['unit_path', 'created_at'])
      table.index(['status', 'id'])
    })

    this.schema.createTable('import_row_errors', (table) => {
      table.increments('id')
      table.integer('batch_id').unsigned().notNullable().references('id').inTable('import_batches')
      table.integer('line').unsigned().notNullable()
      table.string('external_id', 128).nullable()
      table.string('field', 64).nullable()
      table.string('code', 96).notNullable()
      table.text('data').nullable() // JSON placeholders of the message
      table.index(['batch_id', 'line'])
    })

    this.schema.createTable('import_records', (table) => {
      table.increments('id')
      table.integer('batch_id').unsigned().notNullable().references('id').inTable('import_batches')
      table.integer('case_id').unsigned().notNullable().references('id').inTable('cases')
      table.string('action', 8).notNullable() // create | update
      table.integer('previous_batch_id').unsigned().nullable()
      table.text('previous', 'longtext').nullable() // JSON record before an update
      table.index(['batch_id', 'id'])
      table.index(['case_id'])
    })

    this.schema.alterTable('cases', (table) => {
      table.string('source_system', 64).nullable()
      table.string('external_id', 128).nullable()
      table.integer('import_batch_id').unsigned().nullable()
      table.string('import_hash', 64).nullable()
      table.unique(['source_system', 'external_id'], { indexName: 'cases_import_key_unique' })
      table.index(['import_batch_id'])
    })
    this.schema.alterTable('case_events', (table) => {
      table.integer('import_batch_id').unsigned().nullable()
    })
    this.schema.alterTable('money_entries', (table) => {
      table.integer('import_batch_id').unsigned().nullable()
    })
  }

  async down() {
    this.schema.alterTable('money_entries', (table) => table.dropColumn('import_batch_id'))
    this.schema.alterTable('case_events', (table) => table.dropColumn('import_batch_id'))
    this.schema.alterTable('cases', (table) => {
      table.dropUnique(['source_system', 'external_id'], 'cases_import_key_unique')
      table.dropIndex(['import_batch_id'])
      table.dropColumn('source_system')
      table.dropColumn('external_id')
      table.dropColumn('import_batch_id')
      table.dropColumn('import_hash')
    })
    this.schema.dropTable('import_records')
    this.schema.dropTable('import_row_errors')
    this.schema.dropTable('import_batches')
  }
}
