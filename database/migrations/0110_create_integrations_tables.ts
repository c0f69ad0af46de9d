import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The integration engine (SPEC §7, QĐ 380 Đ12):
 *   integration_clients      — external systems (not staff accounts), owned by an agency (unit)
 *   integration_scopes       — which units' data (subtree), which data kind, read or write
 *   integration_credentials  — API tokens (stored as SHA-256) and signing secrets; rotation keeps the old one
 *                              valid until `valid_until` (grace period)
 *   integration_outbox       — outbound messages, written in the transaction of the change; claimed by a
 *                              dispatcher with a lease (lease_owner/lease_until) through a conditional UPDATE
 *   integration_attempts     — every delivery attempt (status code, error, duration)
 *   integration_requests     — inbound traffic (who, what, which units, status)
 *   integration_inbound_ids  — webhook-ids already accepted from a client (replay refusal)
 *   debtor_listings          — the public list of debtors without conditions (Law Art. 44a), one row per case
 *   court_judgment_arrivals  — judgments posted by court systems; UNIQUE (court, number, date) refuses duplicates
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('integration_clients', (table) => {
      table.increments('id')
      table.string('name', 255).notNullable()
      table.integer('owner_unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('owner_unit_path', 255).notNullable()
      table.string('contact_name', 255).nullable()
      table.string('contact_email', 255).notNullable()
      table.string('plugin_id', 64).nullable()
      table.string('endpoint_url', 1024).nullable()
      table.string('status', 16).notNullable().defaultTo('active') // active | disabled
      table.string('disabled_reason', 255).nullable()
      table.timestamp('disabled_at').nullable()
      table.timestamp('failing_since').nullable()
      table.integer('rate_per_minute').notNullable().defaultTo(120)
      table.integer('created_by_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['owner_unit_path'])
    })
    this.schema.createTable('integration_scopes', (table) => {
      table.increments('id')
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('integration_clients')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.string('data_kind', 32).notNullable()
      table.string('access', 8).notNullable() // read | write
      table.unique(['client_id', 'unit_id', 'data_kind', 'access'], {
        indexName: 'int_scopes_unique',
      })
    })
    this.schema.createTable('integration_credentials', (table) => {
      table.increments('id')
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('integration_clients')
      table.string('kind', 8).notNullable() // token | secret
      table.string('token_hash', 64).nullable().unique()
      table.string('secret', 128).nullable() // signing secret (whsec_…); needed in clear to sign
      table.string('hint', 16).notNullable()
      table.string('status', 16).notNullable().defaultTo('active') // active | rotated | revoked
      table.timestamp('expires_at').nullable()
      table.timestamp('valid_until').nullable()
      table.timestamp('last_used_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('revoked_at').nullable()
      table.index(['client_id', 'kind', 'status'])
    })
    this.schema.createTable('integration_outbox', (table) => {
      table.bigIncrements('id')
      table
        .integer('client_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('integration_clients')
      table.string('message_id', 64).notNullable().unique()
      table.string('event_type', 64).notNullable()
      table.text('payload').notNullable()
      table.integer('case_id').unsigned().nullable()
      table.integer('unit_id').unsigned().nullable()
      table.string('unit_path', 255).nullable()
      table.date('due_on').nullable()
      table.string('status', 16).notNullable().defaultTo('pending') // pending | delivered | failed
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at').notNullable()
      table.string('lease_owner', 64).nullable()
      table.timestamp('lease_until').nullable()
      table.integer('last_status').nullable()
      table.string('last_error', 512).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('delivered_at').nullable()
      table.index(['status', 'next_attempt_at'], 'int_outbox_due')
      table.index(['client_id', 'status', 'created_at'], 'int_outbox_client')
      table.index(['unit_path', 'due_on'], 'int_outbox_unit_due')
      table.index(['case_id'], 'int_outbox_case')
    })
    this.schema.createTable('integration_attempts', (table) => {
      table.bigIncrements('id')
      table.bigInteger('outbox_id').unsigned().notNullable()
      table.integer('client_id').unsigned().notNullable()
      table.integer('attempt_no').notNullable()
      table.timestamp('started_at').notNullable()
      table.integer('duration_ms').notNullable()
      table.integer('status_code').nullable()
      table.string('error', 512).nullable()
      table.boolean('ok').notNullable()
      table.index(['outbox_id'])
      table.index(['client_id', 'started_at'])
    })
    this.schema.createTable('integration_requests', (table) => {
      table.bigIncrements('id')
      table.integer('client_id').unsigned().nullable()
      table.string('method', 8).notNullable()
      table.string('path', 512).notNullable()
      table.integer('status').notNullable()
      table.string('units', 512).nullable()
      table.string('error', 255).nullable()
      table.integer('duration_ms').notNullable()
      table.timestamp('occurred_at').notNullable()
      table.index(['client_id', 'occurred_at'])
    })
    this.schema.createTable('integration_inbound_ids', (table) => {
      table.bigIncrements('id')
      table.integer('client_id').unsigned().notNullable()
      table.string('message_id', 64).notNullable()
      table.timestamp('received_at').notNullable()
      table.unique(['client_id', 'message_id'])
    })
    this.schema.createTable('debtor_listings', (table) => {
      table.increments('id')
      table.integer('case_id').unsigned().notNullable().unique()
      table.integer('unit_id').unsigned().notNullable()
      table.integer('province_id').unsigned().nullable() // the unit's province: a province lists its districts
      table.string('unit_path', 255).notNullable()
      table.string('unit_name', 255).notNullable()
      table.string('debtor_name', 255).notNullable()
      table.string('name_key', 255).notNullable() // lower-case, no diacritics, đ→d: prefix search on both DBs
      table.string('debtor_address', 512).nullable()
      table.string('judgment', 512).notNullable()
      table.string('decision', 255).notNullable()
      table.text('obligation').notNullable()
      table.string('reason', 16).notNullable() // 44a.1.a | b | c
      table.date('listed_on').notNullable()
      table.boolean('listed').notNullable().defaultTo(true)
      table.timestamp('updated_at').notNullable()
      table.index(['listed', 'name_key', 'id'], 'debtor_listings_name')
      table.index(['unit_id', 'listed', 'name_key', 'id'], 'debtor_listings_unit')
      table.index(['province_id', 'listed', 'name_key', 'id'], 'debtor_listings_province')
    })
    this.schema.createTable('court_judgment_arrivals', (table) => {
      table.increments('id')
      table.integer('client_id').unsigned().notNullable()
      table.integer('judgment_id').unsigned().notNullable()
      table.integer('unit_id').unsigned().notNullable()
      table.string('court_key', 255).notNullable()
      table.string('number', 64).notNullable()
      table.date('judgment_date').notNullable()
      table.timestamp('received_at').notNullable()
      table.unique(['court_key', 'number', 'judgment_date'], { indexName: 'court_arrivals_unique' })
      table.index(['unit_id', 'received_at'])
    })
  }

  async down() {
    for (const t of [
      'court_judgment_arrivals',
      'debtor_listings',
      'integration_inbound_ids',
      'integration_requests',
      'integration_attempts',
      'integration_outbox',
      'integration_credentials',
      'integration_scopes',
      'integration_clients',
    ])
      this.schema.dropTable(t)
  }
}
