import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Reconciliation with the traditional (paper) reports and completeness monitoring (SPEC §9, CV 2352):
 *   - traditional_figures: the paper report's figures of one unit, statistical year and period, for the indicators
 *     CV 2352 compares (forms 06 and 07, columns 1, 3, 4, 6, 8, 14; money in VND);
 *   - reconciliation_plans: the national thresholds, tolerances and catch-up dates of a statistical year;
 *   - reconciliation_snapshots: one gap measurement per unit, year, period and day (progress charts);
 *   - cases (unit_path, status): the completeness dashboard's "open cases with no event" range.
 */
const INDICATORS = ['c1', 'c3', 'c4', 'c6', 'c8', 'c14']

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('traditional_figures', (table) => {
      table.increments('id')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.integer('year').notNullable()
      table.integer('period').notNullable()
      for (const c of INDICATORS) table.bigInteger(`f06_${c}`).notNullable().defaultTo(0)
      for (const c of INDICATORS) table.bigInteger(`f07_${c}`).notNullable().defaultTo(0)
      table.string('source', 16).notNullable().defaultTo('form') // form | import
      table.string('note', 500).nullable()
      table.integer('recorded_by_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['unit_id', 'year', 'period'])
      table.index(['year', 'period', 'unit_path'], 'traditional_figures_path_index')
    })

    this.schema.createTable('reconciliation_plans', (table) => {
      table.increments('id')
      table.integer('year').notNullable().unique()
      table.integer('threshold').notNullable().defaultTo(2000)
      table.date('due_small').notNullable()
      table.date('due_large').notNullable()
      table.date('close_on').notNullable()
      table.integer('tolerance_cases').notNullable().defaultTo(0)
      table.bigInteger('tolerance_money').notNullable().defaultTo(0) // thousands of VND
      table.integer('updated_by_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('reconciliation_snapshots', (table) => {
      table.increments('id')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.integer('year').notNullable()
      table.integer('period').notNullable()
      table.date('taken_on').notNullable()
      table.bigInteger('traditional').notNullable() // form 06 col 1 of the paper report (subtree)
      table.bigInteger('software').notNullable() // form 06 col 1 computed from the cases (subtree)
      table.bigInteger('gap').notNullable() // traditional − software
      table.bigInteger('abs_sum').notNullable() // Σ |difference| over the six case indicators
      table.timestamp('created_at').notNullable()
      table.unique(['unit_id', 'year', 'period', 'taken_on'])
    })

    this.schema.alterTable('cases', (table) => {
      table.index(['unit_path', 'status'], 'cases_completeness_status_index')
    })
  }

  async down() {
    this.schema.alterTable('cases', (table) => {
      table.dropIndex([], 'cases_completeness_status_index')
    })
    this.schema.dropTable('reconciliation_snapshots')
    this.schema.dropTable('reconciliation_plans')
    this.schema.dropTable('traditional_figures')
  }
}
