import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('email', 254).notNullable().unique()
      table.string('full_name', 255).notNullable()
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('password', 255).notNullable()
      table.string('status', 16).notNullable().defaultTo('active')
      table.boolean('must_change_password').notNullable().defaultTo(true)
      // Bumped on revoke and admin reset: sessions opened before carry an older epoch and are ended.
      table.integer('session_epoch').notNullable().defaultTo(1)
      table.timestamp('password_changed_at').nullable()
      table.timestamp('revoked_at').nullable()
      table.timestamp('last_login_at').nullable()
      table.integer('created_by_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['unit_id'])
    })

    this.schema.createTable('user_roles', (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('role', 32).notNullable()
      table.timestamp('created_at').notNullable()
      table.unique(['user_id', 'role'])
      table.index(['role'])
    })

    this.schema.createTable('auth_access_tokens', (table) => {
      table.increments('id')
      table
        .integer('tokenable_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('type').notNullable()
      table.string('name').nullable()
      table.string('hash').notNullable()
      table.text('abilities').notNullable()
      table.timestamp('created_at')
      table.timestamp('updated_at')
      table.timestamp('last_used_at').nullable()
      table.timestamp('expires_at').nullable()
    })

    this.schema.createTable('rate_limits', (table) => {
      table.string('key', 255).notNullable().primary()
      table.integer('points', 9).notNullable().defaultTo(0)
      table.bigint('expire').unsigned()
    })
  }

  async down() {
    this.schema.dropTable('rate_limits')
    this.schema.dropTable('auth_access_tokens')
    this.schema.dropTable('user_roles')
    this.schema.dropTable('users')
  }
}
