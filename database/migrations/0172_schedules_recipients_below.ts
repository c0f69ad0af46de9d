import { BaseSchema } from '@adonisjs/lucid/schema'

/** Role recipients may also come from the units below the schedule's unit (a province report to its districts' heads). */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('schedules', (table) => {
      table.boolean('recipients_below').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable('schedules', (table) => {
      table.dropColumn('recipients_below')
    })
  }
}
