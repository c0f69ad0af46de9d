import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Daily snapshot of overdue deadline counts (issue 11, overdue trend chart): one row per day, unit and officer
 * (0 = none, e.g. a pending request) with the number of `case_deadlines` rows due before that day. Written by
 * one INSERT … SELECT … GROUP BY over `case_deadlines` (`node ace deadlines:snapshot`, and on the first dashboard
 * view of a day); at most a few thousand rows a day. Read by unit path prefix or by officer over a date range.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('overdue_snapshots', (table) => {
      table.increments('id')
      table.date('day').notNullable()
      table.integer('unit_id').unsigned().notNullable()
      table.string('unit_path', 255).notNullable()
      table.integer('officer_id').unsigned().notNullable().defaultTo(0)
      table.integer('overdue').unsigned().notNullable()
      table.timestamp('created_at').notNullable()
      table.unique(['day', 'unit_id', 'officer_id'], { indexName: 'overdue_snapshots_day_unique' })
      table.index(['unit_path', 'day', 'overdue'], 'overdue_snapshots_path_day_index')
      table.index(['officer_id', 'day', 'overdue'], 'overdue_snapshots_officer_day_index')
    })
    // the days a snapshot was taken (a unit without overdue deadlines has no row that day, yet its 0 is a figure)
    this.schema.createTable('overdue_snapshot_days', (table) => {
      table.date('day').primary()
      table.integer('groups').unsigned().notNullable()
      table.timestamp('taken_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('overdue_snapshot_days')
    this.schema.dropTable('overdue_snapshots')
  }
}
