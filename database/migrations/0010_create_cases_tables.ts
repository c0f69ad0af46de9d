import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The case model of SPEC §3. Events and money entries are append-only facts with an effective date;
 * statistics are derived from them. Two span tables make "as of date D" questions one indexed range
 * filter instead of a scan of every event:
 *   case_status_spans   — the status a case had from from_date until the day before to_date (null = still)
 *   case_assignments    — which officer held a case from from_date until the day before to_date
 * A span is closed (to_date set) and a new one opened in the same transaction as the event that changes it.
 * unit_path is copied onto rows read by reports so that a jurisdiction filter is a prefix match on one index.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('holidays', (table) => {
      table.date('day').primary()
      table.string('name', 255).notNullable()
    })

    this.schema.createTable('judgments', (table) => {
      table.increments('id')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('number', 64).nullable()
      table.date('judgment_date').notNullable()
      table.string('court', 255).notNullable()
      table.string('type', 32).notNullable()
      table.text('parties').nullable()
      table.text('summary').nullable()
      table.date('received_on').notNullable()
      table.integer('created_by_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['unit_id', 'received_on'])
    })

    this.schema.createTable('enforcement_requests', (table) => {
      table.increments('id')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.integer('judgment_id').unsigned().nullable().references('id').inTable('judgments')
      table.string('requester', 255).notNullable()
      table.date('received_on').notNullable()
      table.text('content').notNullable()
      table.string('status', 16).notNullable().defaultTo('pending') // pending | accepted | refused
      table.text('refusal_reason').nullable()
      table.date('decided_on').nullable()
      table.integer('created_by_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['unit_id', 'status'])
    })

    this.schema.createTable('cases', (table) => {
      table.increments('id')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.integer('year').notNullable()
      table.integer('seq').nullable() // assigned with the number when the head approves
      table.string('number', 64).nullable()
      table.string('draft_status', 16).notNullable().defaultTo('draft') // draft | submitted | approved | rejected
      table.date('decision_date').nullable() // = accepted on (thụ lý) once approved
      table.string('kind', 16).notNullable() // ex_officio | on_request
      table.string('origin', 16).notNullable().defaultTo('new') // new | delegated_in | withdrawn_in
      table.integer('source_case_id').unsigned().nullable()
      table.integer('judgment_id').unsigned().nullable().references('id').inTable('judgments')
      table
        .integer('request_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('enforcement_requests')
      table.integer('officer_id').unsigned().nullable().references('id').inTable('users')
      table.boolean('credit_institution').notNullable().defaultTo(false)
      table.string('area', 255).nullable()
      table.string('debtor_name', 255).nullable()
      table.string('creditor_name', 255).nullable()
      table.text('summary').nullable()
      // Caches of the derived truth (spans and money entries), for lists only; reports never read them.
      table.string('status', 16).notNullable().defaultTo('draft')
      table.bigInteger('remaining').notNullable().defaultTo(0)
      table.bigInteger('held').notNullable().defaultTo(0) // collected and not yet paid out
      table.integer('drafted_by_id').unsigned().nullable()
      table.integer('reviewed_by_id').unsigned().nullable()
      table.text('review_comment').nullable()
      table.integer('version').notNullable().defaultTo(0) // optimistic guard for concurrent postings
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['unit_id', 'year', 'seq'])
      table.index(['unit_path', 'decision_date'])
      table.index(['officer_id', 'status'])
      table.index(['status'])
    })

    this.schema.createTable('case_parties', (table) => {
      table.increments('id')
      table
        .integer('case_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('cases')
        .onDelete('CASCADE')
      table.string('role', 16).notNullable() // creditor | debtor | related
      table.string('name', 255).notNullable()
      table.string('address', 512).nullable()
      table.string('id_number', 32).nullable()
      table.boolean('is_credit_institution').notNullable().defaultTo(false)
      table.index(['case_id'])
      table.index(['name'])
    })

    this.schema.createTable('case_obligations', (table) => {
      table.increments('id')
      table
        .integer('case_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('cases')
        .onDelete('CASCADE')
      table.string('kind', 16).notNullable() // money | non_money
      table.text('description').notNullable()
      table.bigInteger('amount').nullable() // integer VND for money obligations
      table.string('payee', 16).nullable() // creditor | state_budget
      table.index(['case_id'])
    })

    this.schema.createTable('case_events', (table) => {
      table.increments('id')
      table.integer('case_id').unsigned().notNullable().references('id').inTable('cases')
      table.integer('unit_id').unsigned().notNullable()
      table.string('type', 32).notNullable()
      table.date('effective_date').notNullable()
      table.timestamp('recorded_at').notNullable()
      table.integer('actor_id').unsigned().nullable()
      table.string('document_number', 64).nullable()
      table.string('legal_ground', 64).nullable()
      table.bigInteger('amount').nullable()
      table.string('status_after', 16).nullable() // set when the event changes the status
      table.integer('target_unit_id').unsigned().nullable()
      table.integer('officer_id').unsigned().nullable()
      table.text('data').nullable()
      table.text('note').nullable()
      table.integer('edit_request_id').unsigned().nullable()
      table.index(['case_id', 'effective_date'])
      table.index(['unit_id', 'type', 'effective_date'])
    })

    this.schema.createTable('case_status_spans', (table) => {
      table.increments('id')
      table.integer('case_id').unsigned().notNullable().references('id').inTable('cases')
      table.integer('unit_id').unsigned().notNullable()
      table.string('unit_path', 255).notNullable()
      table.string('status', 16).notNullable()
      table.date('from_date').notNullable()
      table.date('to_date').nullable() // exclusive; null = current
      table.integer('event_id').unsigned().nullable()
      table.index(['unit_path', 'from_date'])
      table.index(['unit_id', 'status', 'from_date'])
      table.index(['case_id', 'from_date'])
    })

    this.schema.createTable('case_assignments', (table) => {
      table.increments('id')
      table.integer('case_id').unsigned().notNullable().references('id').inTable('cases')
      table.integer('unit_id').unsigned().notNullable()
      table.integer('officer_id').unsigned().notNullable().references('id').inTable('users')
      table.date('from_date').notNullable()
      table.date('to_date').nullable() // exclusive; null = current
      table.integer('handover_id').unsigned().nullable()
      table.index(['case_id', 'from_date'])
      table.index(['officer_id', 'from_date'])
      table.index(['unit_id', 'from_date'])
    })

    this.schema.createTable('money_entries', (table) => {
      table.increments('id')
      table.integer('case_id').unsigned().notNullable().references('id').inTable('cases')
      table.integer('unit_id').unsigned().notNullable()
      table.string('unit_path', 255).notNullable()
      // obligation | collected | paid_out | reduced | terminated_amount | delegated_amount
      // | withdrawn_amount | revoked_amount | fee
      table.string('kind', 24).notNullable()
      table.bigInteger('amount').notNullable() // integer VND; only obligation amendments may be negative
      table.date('effective_date').notNullable()
      table.string('receipt_number', 64).nullable()
      table.string('payee', 16).nullable() // paid_out: creditor | state_budget
      table.integer('event_id').unsigned().nullable()
      table.integer('officer_id').unsigned().nullable()
      table.integer('actor_id').unsigned().nullable()
      table.timestamp('recorded_at').notNullable()
      table.integer('edit_request_id').unsigned().nullable()
      table.index(['case_id', 'effective_date'])
      table.index(['unit_path', 'kind', 'effective_date'])
      table.index(['unit_id', 'kind', 'effective_date'])
    })
  }

  async down() {
    for (const t of [
      'money_entries',
      'case_assignments',
      'case_status_spans',
      'case_events',
      'case_obligations',
      'case_parties',
      'cases',
      'enforcement_requests',
      'judgments',
      'holidays',
    ]) {
      this.schema.dropTable(t)
    }
  }
}
