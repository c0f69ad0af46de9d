import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The organisation tree, versioned by date (SPEC §2): a unit is valid from valid_from to valid_to (inclusive),
 * and a closed unit names its successor. `path` (/1/7/42/) makes "this unit and everything under it" one
 * indexed prefix query on both SQLite and MySQL.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('units', (table) => {
      table.increments('id')
      table.string('code', 32).notNullable().unique()
      table.string('name', 255).notNullable()
      table.string('level', 32).notNullable()
      table.integer('parent_id').unsigned().nullable().references('id').inTable('units')
      table.string('path', 255).notNullable().defaultTo('/')
      table.integer('depth').notNullable().defaultTo(0)
      table.date('valid_from').notNullable()
      table.date('valid_to').nullable()
      table.integer('successor_id').unsigned().nullable().references('id').inTable('units')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['path'])
      table.index(['parent_id'])
      table.index(['level'])
    })

    // Names change (e.g. Chi cục → Phòng THADS khu vực); the history keeps what a unit was called when.
    this.schema.createTable('unit_names', (table) => {
      table.increments('id')
      table
        .integer('unit_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('units')
        .onDelete('CASCADE')
      table.string('name', 255).notNullable()
      table.date('valid_from').notNullable()
      table.date('valid_to').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['unit_id', 'valid_from'])
    })
  }

  async down() {
    this.schema.dropTable('unit_names')
    this.schema.dropTable('units')
  }
}
