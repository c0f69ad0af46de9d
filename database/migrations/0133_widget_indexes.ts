import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Dashboard widgets that count per unit (issue 10): the delegation cards of a head and a clerk count
 * `delegations` by `to_unit_id` / `from_unit_id` and status — one index range each instead of a scan of every
 * delegation of the country (about 3% of cases a year).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('delegations', (table) => {
      table.index(['to_unit_id', 'status'], 'delegations_to_unit_status_index')
      table.index(['from_unit_id', 'status'], 'delegations_from_unit_status_index')
    })
  }

  async down() {
    this.schema.alterTable('delegations', (table) => {
      table.dropIndex([], 'delegations_from_unit_status_index')
      table.dropIndex([], 'delegations_to_unit_status_index')
    })
  }
}
