import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Submission of statistical forms (SPEC §4): immutable snapshots moving up officer → unit → province → national.
 *   submissions           — one row per submitted version: the ComputedForm JSON exactly as submitted, its sha256,
 *                           who/when, the deadline and whether it was met. Never updated nor deleted.
 *   submission_decisions  — what happened to a version afterwards (approved, accepted by the parent level,
 *                           returned with a reason). The latest decision is the version's status.
 *   submission_revisions  — an edit made under an approved past-period exception touched data the version
 *                           covers: the version is "revised" and may be submitted again.
 * All three are append-only: triggers refuse UPDATE and DELETE, like audit_events.
 */
const APPEND_ONLY = ['submissions', 'submission_decisions', 'submission_revisions']

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('submissions', (table) => {
      table.increments('id')
      table.string('form_id', 64).notNullable()
      table.string('form_version', 32).notNullable()
      // officer (its own row, to its unit) | unit (a district's report) | province (the province report)
      table.string('level', 16).notNullable()
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      // the officer of an officer-level row; 0 for unit and province reports (NOT NULL so the unique key holds)
      table.integer('officer_id').unsigned().notNullable().defaultTo(0)
      table.integer('year').unsigned().notNullable()
      table.integer('period').unsigned().notNullable()
      table.date('period_end').notNullable()
      table.integer('version').unsigned().notNullable()
      table.integer('previous_id').unsigned().nullable().references('id').inTable('submissions')
      table.text('snapshot', 'longtext').notNullable()
      table.string('sha256', 64).notNullable()
      table.integer('error_violations').unsigned().notNullable().defaultTo(0)
      table.integer('warning_violations').unsigned().notNullable().defaultTo(0)
      table.integer('submitted_by_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('submitted_at').notNullable()
      table.date('submitted_on').notNullable() // the agency's day of submission (Vietnam time)
      table.date('deadline').notNullable()
      table.boolean('late').notNullable()
      // One chain per (form, unit, period, level, officer): a version number is taken once.
      table.unique(['form_id', 'unit_id', 'year', 'period', 'level', 'officer_id', 'version'], {
        indexName: 'submissions_version_unique',
      })
      table.index(['year', 'period', 'form_id', 'unit_path'])
      table.index(['unit_id', 'year', 'level'])
    })

    this.schema.createTable('submission_decisions', (table) => {
      table.increments('id')
      table
        .integer('submission_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('submissions')
      // approved | accepted | returned
      table.string('action', 16).notNullable()
      // 1, 2, … per version: two deciders acting at once cannot both write the same step
      table.integer('step').unsigned().notNullable()
      table.integer('actor_id').unsigned().notNullable().references('id').inTable('users')
      table.text('reason').nullable()
      table.timestamp('decided_at').notNullable()
      table.unique(['submission_id', 'step'])
    })

    this.schema.createTable('submission_revisions', (table) => {
      table.increments('id')
      table
        .integer('submission_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('submissions')
      table.integer('edit_request_id').unsigned().notNullable()
      table.integer('unit_id').unsigned().notNullable()
      table.date('effective_date').notNullable()
      table.integer('case_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.unique(['submission_id', 'edit_request_id'])
    })

    this.defer(async (db) => {
      for (const name of APPEND_ONLY) {
        for (const op of ['UPDATE', 'DELETE']) {
          const trigger = `${name}_no_${op.toLowerCase()}`
          if (db.dialect.name === 'mysql') {
            await db.rawQuery(
              `CREATE TRIGGER ${trigger} BEFORE ${op} ON ${name} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${name} is append-only'`
            )
          } else {
            await db.rawQuery(
              `CREATE TRIGGER ${trigger} BEFORE ${op} ON ${name} BEGIN SELECT RAISE(ABORT, '${name} is append-only'); END`
            )
          }
        }
      }
    })
  }

  async down() {
    for (const name of APPEND_ONLY) {
      this.schema.raw(`DROP TRIGGER IF EXISTS ${name}_no_update`)
      this.schema.raw(`DROP TRIGGER IF EXISTS ${name}_no_delete`)
    }
    for (const name of [...APPEND_ONLY].reverse()) this.schema.dropTable(name)
  }
}
