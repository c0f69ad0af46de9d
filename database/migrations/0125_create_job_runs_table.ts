import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Periodic jobs run inside the app (audit checkpoint, reconciliation snapshot…): one row per (job, scheduled
 * minute). The UNIQUE key is the claim — every instance inserts, one wins, so each run happens exactly once
 * across instances (the same technique as schedule_runs).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('job_runs', (table) => {
      table.increments('id')
      table.string('job', 64).notNullable()
      table.string('scheduled_for', 19).notNullable() // UTC minute, 'YYYY-MM-DD HH:mm:00'
      table.string('claimed_by', 120).notNullable()
      table.string('status', 16).notNullable() // running | done | failed
      table.string('started_at', 19).notNullable()
      table.string('finished_at', 19).nullable()
      table.text('detail').nullable()
      table.unique(['job', 'scheduled_for'])
      table.index(['job', 'started_at'])
    })
  }

  async down() {
    this.schema.dropTable('job_runs')
  }
}
