import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Intrusion alerts (SPEC §11, QĐ 380 Đ8): rules with thresholds the national admin tunes, and the alerts they
 * raise, each naming the account (or source address), the pattern and the evidence (audit row ids).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('alert_rules', (table) => {
      table.string('rule', 32).primary()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.integer('threshold').notNullable()
      table.integer('window_minutes').notNullable()
      table.integer('extra').nullable()
      table.integer('updated_by_id').unsigned().nullable()
      table.timestamp('updated_at').nullable()
    })
    this.schema.createTable('security_alerts', (table) => {
      table.increments('id')
      table.string('rule', 32).notNullable()
      table.string('dedupe_key', 128).notNullable()
      table.integer('unit_id').unsigned().nullable()
      table.string('unit_path', 255).notNullable()
      table.integer('user_id').unsigned().nullable()
      table.string('actor_email', 254).nullable()
      table.string('source_ip', 64).nullable()
      table.text('evidence').notNullable() // JSON: { auditIds: number[], facts: {...} }
      table.string('status', 16).notNullable().defaultTo('open') // open | acknowledged | resolved
      table.timestamp('created_at').notNullable()
      table.integer('acknowledged_by_id').unsigned().nullable()
      table.timestamp('acknowledged_at').nullable()
      table.integer('resolved_by_id').unsigned().nullable()
      table.timestamp('resolved_at').nullable()
      table.text('resolution_note').nullable()
      table.timestamp('emailed_at').nullable()
      table.string('emailed_to', 1000).nullable()
      table.index(['unit_path', 'status', 'created_at'])
      table.index(['dedupe_key', 'created_at'])
    })
    // Searching the trail by actor, outcome and time (the refusal and volume rules) and by source address.
    this.schema.alterTable('audit_events', (table) => {
      table.index(['actor_id', 'outcome', 'occurred_at'])
      table.index(['ip', 'action', 'occurred_at'])
    })
  }

  async down() {
    this.schema.alterTable('audit_events', (table) => {
      table.dropIndex(['ip', 'action', 'occurred_at'])
      table.dropIndex(['actor_id', 'outcome', 'occurred_at'])
    })
    this.schema.dropTable('security_alerts')
    this.schema.dropTable('alert_rules')
  }
}
