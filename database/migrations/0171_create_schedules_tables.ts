import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Scheduled summaries (SPEC §10).
 *   schedules            — what to send (a "sendable" report key), for which unit and period rule, to whom
 *                          (roles in the unit + extra addresses), in which format, on a cron in Vietnam time.
 *   schedule_runs        — one row per run; UNIQUE (schedule_id, scheduled_for) is the claim: N instances insert,
 *                          one wins. A running row carries a heartbeat; a stale one is taken over by another
 *                          instance (conditional UPDATE on claimed_by + heartbeat).
 *   schedule_deliveries  — one row per (run, address), written BEFORE the message is handed to SMTP ('sending')
 *                          and marked 'sent' after: a takeover never sends twice to an address already handled.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('schedules', (table) => {
      table.increments('id')
      table.string('name', 200).notNullable()
      table.integer('owner_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.string('report', 120).notNullable()
      table.string('period_rule', 32).notNullable()
      table.string('format', 16).notNullable()
      table.string('cron', 120).notNullable()
      table.text('recipient_roles').notNullable()
      table.text('extra_emails').notNullable()
      table.string('locale', 8).notNullable().defaultTo('vi')
      table.boolean('active').notNullable().defaultTo(true)
      table.integer('version').notNullable().defaultTo(1)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['unit_path'])
      table.index(['active'])
    })

    this.schema.createTable('schedule_runs', (table) => {
      table.increments('id')
      table.integer('schedule_id').unsigned().notNullable().references('id').inTable('schedules')
      table.string('unit_path', 255).notNullable()
      // UTC minute the run belongs to ('YYYY-MM-DD HH:mm:00'); manual runs use the second they were asked.
      table.string('scheduled_for', 19).notNullable()
      table.string('trigger', 16).notNullable()
      table.integer('triggered_by_id').unsigned().nullable()
      table.string('status', 16).notNullable()
      table.string('claimed_by', 120).notNullable()
      table.integer('attempts').notNullable().defaultTo(1)
      table.string('heartbeat_at', 19).notNullable()
      table.string('report_label', 255).nullable()
      table.string('period_label', 120).nullable()
      table.integer('recipients').notNullable().defaultTo(0)
      table.integer('sent').notNullable().defaultTo(0)
      table.text('error').nullable()
      table.string('started_at', 19).notNullable()
      table.string('finished_at', 19).nullable()
      table.unique(['schedule_id', 'scheduled_for'])
      table.index(['status', 'heartbeat_at'])
      table.index(['unit_path', 'id'])
    })

    this.schema.createTable('schedule_deliveries', (table) => {
      table.increments('id')
      table.integer('run_id').unsigned().notNullable().references('id').inTable('schedule_runs')
      table.string('email', 254).notNullable()
      table.string('status', 16).notNullable()
      table.string('claimed_by', 120).notNullable()
      table.text('error').nullable()
      table.string('updated_at', 19).notNullable()
      table.unique(['run_id', 'email'])
    })
  }

  async down() {
    this.schema.dropTable('schedule_deliveries')
    this.schema.dropTable('schedule_runs')
    this.schema.dropTable('schedules')
  }
}
