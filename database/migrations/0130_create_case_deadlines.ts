import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Pending legal deadlines as facts (issue 10): one row per deadline not yet met, of an accepted case (rows
 * with `case_id`) or of a pending enforcement request (rows with `request_id`). Rewritten for one case in the
 * transaction of every write that changes its facts (`refreshCaches` → `refreshCaseDeadlines`), for one
 * request when it is registered or decided, and for the deadlines a calendar change crosses. `node ace
 * deadlines:rebuild` recomputes them all (after a bulk load). Whether a row is overdue depends on today only:
 * `due_on < today`. The scope columns copy the case's so that a unit's list is one index range.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('case_deadlines', (table) => {
      table.increments('id')
      table.integer('case_id').unsigned().nullable()
      table.integer('request_id').unsigned().nullable()
      table.integer('unit_id').unsigned().notNullable()
      table.string('unit_path', 255).notNullable()
      table.integer('officer_id').unsigned().nullable()
      table.string('kind', 32).notNullable()
      table.string('anchor', 32).notNullable()
      table.date('anchor_date').notNullable()
      table.date('due_on').notNullable()
      table.smallint('months').nullable()
      // covering the list's filters and order, so a page is sorted from index entries only (deferred join)
      table.index(
        ['unit_path', 'due_on', 'case_id', 'kind', 'officer_id'],
        'case_deadlines_path_due_index'
      )
      table.index(['officer_id', 'due_on', 'case_id', 'kind'], 'case_deadlines_officer_due_index')
      table.index(['unit_id', 'due_on'], 'case_deadlines_unit_due_index')
      table.index(['case_id'], 'case_deadlines_case_index')
      table.index(['request_id'], 'case_deadlines_request_index')
      table.index(['anchor_date', 'due_on'], 'case_deadlines_window_index')
    })
  }

  async down() {
    this.schema.dropTable('case_deadlines')
  }
}
