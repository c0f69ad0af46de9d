import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Periods and locks (SPEC §4) and the second half of the working-day calendar.
 *   make_up_working_days  — Saturdays worked in exchange for a swapped day off ("làm bù"); the day off itself
 *                           is a row of `holidays`.
 *   edit_requests         — past-period edit requests: scope (unit, month, optional cases), the two-step
 *                           approval, and once approved the exception's time box [exception_from, exception_until].
 *   edit_request_cases    — the optional case list of a request's scope.
 *   edit_request_steps    — the request's history, including each edit made under the exception.
 *   year_closures         — statistical years closed by the national level (chốt số liệu).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('make_up_working_days', (table) => {
      table.date('day').primary()
      table.string('name', 255).notNullable()
    })

    this.schema.createTable('edit_requests', (table) => {
      table.increments('id')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.string('month', 7).notNullable() // YYYY-MM of the effective dates to correct
      table.text('explanation').notNullable()
      // pending_confirmation | pending_approval | approved | rejected | cancelled
      table.string('status', 24).notNullable()
      table.integer('requested_by_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('requested_at').notNullable()
      table.integer('confirmed_by_id').unsigned().nullable().references('id').inTable('users')
      table.timestamp('confirmed_at').nullable()
      table.integer('decided_by_id').unsigned().nullable().references('id').inTable('users')
      table.timestamp('decided_at').nullable()
      table.text('decision_comment').nullable()
      table.integer('exception_days').unsigned().nullable()
      table.date('exception_from').nullable()
      table.date('exception_until').nullable() // last day (inclusive) the exception is active
      table.integer('edits_count').unsigned().notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['unit_id', 'month', 'status'])
      table.index(['unit_path', 'status'])
      table.index(['requested_by_id', 'status'])
    })

    this.schema.createTable('edit_request_cases', (table) => {
      table
        .integer('edit_request_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('edit_requests')
        .onDelete('CASCADE')
      table.integer('case_id').unsigned().notNullable()
      table.primary(['edit_request_id', 'case_id'])
    })

    this.schema.createTable('edit_request_steps', (table) => {
      table.increments('id')
      table
        .integer('edit_request_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('edit_requests')
        .onDelete('CASCADE')
      // filed | confirmed | declined | approved | rejected | cancelled | edited
      table.string('action', 16).notNullable()
      table.integer('actor_id').unsigned().nullable().references('id').inTable('users')
      table.text('comment').nullable()
      table.date('effective_date').nullable() // for `edited`: the date of the data changed
      table.integer('case_id').unsigned().nullable()
      table.timestamp('occurred_at').notNullable()
      table.index(['edit_request_id', 'occurred_at'])
    })

    this.schema.createTable('year_closures', (table) => {
      table.integer('year').unsigned().primary() // statistical year Y = 1 Oct Y−1 … 30 Sep Y
      table.integer('closed_by_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('closed_at').notNullable()
      table.text('note').nullable()
    })
  }

  async down() {
    for (const t of [
      'year_closures',
      'edit_request_steps',
      'edit_request_cases',
      'edit_requests',
      'make_up_working_days',
    ]) {
      this.schema.dropTable(t)
    }
  }
}
