import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Facts the legal deadlines of SPEC §3 need beyond the case events:
 *   cases.reverify_reason — set when a no-conditions case is re-verified every 12 months instead of 6
 *                           (`prisoner` serving ≥ 2 more years, or `unknown_address`); null = 6 months.
 *   case_publications     — acts on the public list of debtors without conditions (Law Art. 44a):
 *                           publish | update | remove, each with its effective date.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('cases', (table) => {
      table.string('reverify_reason', 24).nullable()
    })
    this.schema.createTable('case_publications', (table) => {
      table.increments('id')
      table.integer('case_id').unsigned().notNullable().references('id').inTable('cases')
      table.integer('unit_id').unsigned().notNullable()
      table.string('unit_path', 255).notNullable()
      table.string('action', 8).notNullable() // publish | update | remove
      table.date('effective_date').notNullable()
      table.string('reference', 128).nullable()
      table.integer('actor_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('recorded_at').notNullable()
      table.index(['case_id', 'effective_date'])
    })
  }

  async down() {
    this.schema.dropTable('case_publications')
    this.schema.alterTable('cases', (table) => {
      table.dropColumn('reverify_reason')
    })
  }
}
