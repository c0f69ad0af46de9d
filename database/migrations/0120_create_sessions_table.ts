import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Server-side sessions (SPEC §11): the cookie only carries a signed session id; the data lives here, so a logout,
 * a revocation, an admin's reset or a forced password change ends the session on the server, and several app
 * instances share sessions through the database. Columns id/data/user_id/expires_at are those of
 * @adonisjs/session's database store; ip, user_agent, created_at and last_seen_at feed "my sessions".
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sessions', (table) => {
      table.string('id', 64).primary()
      table.text('data').notNullable()
      table.string('user_id', 32).nullable().index()
      table.timestamp('expires_at').notNullable().index()
      table.string('ip', 64).nullable()
      table.string('user_agent', 255).nullable()
      table.timestamp('created_at').nullable()
      table.timestamp('last_seen_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable('sessions')
  }
}
