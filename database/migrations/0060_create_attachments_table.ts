import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Files attached to judgments, requests, cases and case events (SPEC §3 `attachment`). The bytes live on the
 * private drive disk under `storage_key` (attachments/<yyyy>/<uuid>, never the user's file name); this row
 * keeps what the download needs and what proves integrity (sha256). `case_id` is set for case and event files
 * so the case page reads them with one filter; `unit_path` is copied for jurisdiction scopes.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('attachments', (table) => {
      table.increments('id')
      table.string('owner_type', 16).notNullable() // judgment | request | case | case_event
      table.integer('owner_id').unsigned().notNullable()
      table.integer('case_id').unsigned().nullable().references('id').inTable('cases')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.string('original_name', 255).notNullable()
      table.string('extension', 8).notNullable()
      table.string('mime', 128).notNullable()
      table.bigInteger('size').notNullable()
      table.string('sha256', 64).notNullable()
      table.string('storage_key', 128).notNullable().unique()
      table.integer('uploaded_by_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('uploaded_at').notNullable()
      table.index(['owner_type', 'owner_id'])
      table.index(['case_id'])
      table.index(['unit_path'])
    })
  }

  async down() {
    this.schema.dropTable('attachments')
  }
}
