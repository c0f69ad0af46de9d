import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * write_fences — one row per race that must be caught by a conflicting write on a multi-primary cluster
 * (e.g. `decision_no:<unit>`): racers bump its version in their transaction (see bumpFence in #core).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('write_fences', (table) => {
      table.string('key', 120).primary()
      table.bigInteger('version').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.dropTable('write_fences')
  }
}
