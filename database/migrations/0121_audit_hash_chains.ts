import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Tamper-evident audit (SPEC §11). Each audit row carries a SHA-256 hash chained to the previous row of ITS chain;
 * there is one chain per unit (`u:<unit id>`) plus `system` for events without a unit (failed logins). One chain
 * per unit, not one for the country: every write takes the lock of its chain head, so a single national chain
 * would serialize every write of ~700 units behind one hot row; per unit, writes of different units never wait
 * on each other, and a unit's writes already queue on the unit (cases take the unit row first).
 *   audit_chain_heads — the last sequence number and hash of each chain (the only row a write updates).
 *   audit_checkpoints — signed (Ed25519) statements of every chain's size and head at a time; published as files.
 * Rows written before this migration have no chain (chain_seq null) and are reported as "before the chain".
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('audit_events', (table) => {
      table.string('chain', 32).nullable()
      table.bigInteger('chain_seq').nullable()
      table.string('prev_hash', 64).nullable()
      table.string('row_hash', 64).nullable()
      table.unique(['chain', 'chain_seq'])
    })
    this.schema.createTable('audit_chain_heads', (table) => {
      table.string('chain', 32).primary()
      table.bigInteger('seq').notNullable().defaultTo(0)
      table.string('head_hash', 64).notNullable()
      table.timestamp('updated_at').nullable()
    })
    this.schema.createTable('audit_checkpoints', (table) => {
      table.increments('id')
      table.timestamp('created_at').notNullable()
      table.integer('chain_count').notNullable()
      table.bigInteger('row_count').notNullable()
      // The signed statement exactly as signed (canonical JSON), its signature and the signer's public key.
      table.text('payload', 'longtext').notNullable()
      table.string('digest', 64).notNullable()
      table.text('signature').notNullable()
      table.string('key_id', 64).notNullable()
      table.text('public_key').notNullable()
      table.boolean('dev_key').notNullable().defaultTo(false)
      table.string('published_path', 255).nullable()
      table.index(['created_at'])
    })
  }

  async down() {
    this.schema.dropTable('audit_checkpoints')
    this.schema.dropTable('audit_chain_heads')
    this.schema.alterTable('audit_events', (table) => {
      table.dropUnique(['chain', 'chain_seq'])
      table.dropColumn('row_hash')
      table.dropColumn('prev_hash')
      table.dropColumn('chain_seq')
      table.dropColumn('chain')
    })
  }
}
