import { BaseSchema } from '@adonisjs/lucid/schema'

/** A user's named filters of the case list (the list's query string without paging), per user. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('saved_case_filters', (table) => {
      table.increments('id')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.string('name', 80).notNullable()
      table.string('query', 1000).notNullable()
      table.timestamp('created_at').notNullable()
      table.unique(['user_id', 'name'])
    })
  }

  async down() {
    this.schema.dropTable('saved_case_filters')
  }
}
