import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Append-only audit trail. Triggers refuse UPDATE and DELETE at the database itself, so no code path
 * (nor a careless console session) can rewrite history.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_events', (table) => {
      table.bigIncrements('id')
      table.timestamp('occurred_at').notNullable()
      table.integer('actor_id').unsigned().nullable()
      table.string('actor_email', 254).nullable()
      table.integer('unit_id').unsigned().nullable()
      table.string('unit_path', 255).nullable()
      table.string('action', 64).notNullable()
      table.string('outcome', 16).notNullable().defaultTo('ok')
      table.string('subject_type', 64).nullable()
      table.string('subject_id', 64).nullable()
      table.text('before').nullable()
      table.text('after').nullable()
      table.string('ip', 64).nullable()
      table.string('user_agent', 512).nullable()
      table.string('request_id', 64).nullable()
      table.index(['occurred_at'])
      table.index(['unit_path', 'occurred_at'])
      table.index(['action'])
      table.index(['actor_id'])
      table.index(['subject_type', 'subject_id'])
    })

    this.defer(async (db) => {
      const dialect = db.dialect.name
      if (dialect === 'mysql') {
        await db.rawQuery(
          `CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW
           SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'`
        )
        await db.rawQuery(
          `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW
           SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'`
        )
      } else {
        await db.rawQuery(
          `CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
           BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`
        )
        await db.rawQuery(
          `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
           BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`
        )
      }
    })
  }

  async down() {
    this.schema.raw('DROP TRIGGER IF EXISTS audit_events_no_update')
    this.schema.raw('DROP TRIGGER IF EXISTS audit_events_no_delete')
    this.schema.dropTable('audit_events')
  }
}
