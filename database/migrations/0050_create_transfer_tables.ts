import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Transfers of cases (SPEC §3): handovers between officers of one unit, and delegations between units.
 *   handovers        — one request to move cases (and the money they hold) from one officer to another;
 *                      proposed → confirmed | rejected by the unit head. Confirmation writes a `handover`
 *                      event on each case and moves its assignment span (case_assignments.handover_id).
 *   handover_cases   — the cases of a handover, with the held money (collected, not paid out) and the
 *                      remaining amount each case carried when the handover was proposed and confirmed.
 *   delegations      — one case delegated (fully or partly) to another unit: proposed → confirmed by the
 *                      sender's head (or rejected) → accepted by the receiver (a new case, origin
 *                      delegated_in, source_case_id) or returned with a reason. The sender's case is written
 *                      only on acceptance (delegated_out event + delegated_amount entry, dated effective_date).
 * unit_path columns are copied so that inbox lists are one prefix filter.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('handovers', (table) => {
      table.increments('id')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.integer('from_officer_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('to_officer_id').unsigned().notNullable().references('id').inTable('users')
      table.string('reason_kind', 16).notNullable() // leaving | moved | revoked | workload | other
      table.text('reason').nullable()
      table.string('status', 16).notNullable().defaultTo('proposed') // proposed | confirmed | rejected
      table.date('effective_date').notNullable()
      table.integer('case_count').notNullable().defaultTo(0)
      table.bigInteger('held_total').notNullable().defaultTo(0) // integer VND handed with the cases
      table.bigInteger('remaining_total').notNullable().defaultTo(0)
      table.integer('requested_by_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('confirmed_by_id').unsigned().nullable().references('id').inTable('users')
      table.timestamp('decided_at').nullable()
      table.text('decision_note').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['unit_id', 'status'])
      table.index(['to_officer_id', 'status'])
      table.index(['from_officer_id', 'status'])
    })

    this.schema.createTable('handover_cases', (table) => {
      table.increments('id')
      table.integer('handover_id').unsigned().notNullable().references('id').inTable('handovers')
      table.integer('case_id').unsigned().notNullable().references('id').inTable('cases')
      table.bigInteger('held').notNullable().defaultTo(0)
      table.bigInteger('remaining').notNullable().defaultTo(0)
      table.integer('event_id').unsigned().nullable() // the handover event written on confirmation
      table.unique(['handover_id', 'case_id'])
      table.index(['case_id'])
    })

    this.schema.createTable('delegations', (table) => {
      table.increments('id')
      table.integer('case_id').unsigned().notNullable().references('id').inTable('cases')
      table.integer('from_unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('from_unit_path', 255).notNullable()
      table.integer('to_unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('to_unit_path', 255).notNullable()
      table.string('scope', 8).notNullable() // full | partial
      table.bigInteger('amount').notNullable().defaultTo(0) // partial: as proposed; full: remaining moved
      table.text('reason').nullable()
      // proposed | confirmed | rejected | accepted | returned
      table.string('status', 16).notNullable().defaultTo('proposed')
      table.date('effective_date').nullable() // the sender's delegation decision date (set on confirmation)
      table.string('decision_number', 64).nullable()
      table.integer('proposed_by_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('confirmed_by_id').unsigned().nullable().references('id').inTable('users')
      table.timestamp('confirmed_at').nullable()
      table.text('rejection_reason').nullable()
      table.integer('received_by_id').unsigned().nullable().references('id').inTable('users')
      table.date('received_on').nullable()
      table.text('return_reason').nullable()
      table.integer('new_case_id').unsigned().nullable().references('id').inTable('cases')
      table.integer('event_id').unsigned().nullable() // the sender's delegated_out event
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['case_id', 'status'])
      table.index(['from_unit_path', 'status'])
      table.index(['to_unit_path', 'status'])
    })
  }

  async down() {
    this.schema.dropTable('delegations')
    this.schema.dropTable('handover_cases')
    this.schema.dropTable('handovers')
  }
}
