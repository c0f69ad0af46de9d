import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Export jobs of the filtered case list (issue 11): `form = 'case-list'`, `target = 'cases'`, and the list's
 * filters and sort kept here as JSON (validated again when the job runs). Null for forms, lists and cells.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('export_jobs', (table) => {
      table.text('params').nullable()
    })
  }

  async down() {
    this.schema.alterTable('export_jobs', (table) => {
      table.dropColumn('params')
    })
  }
}
