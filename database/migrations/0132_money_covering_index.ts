import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Form 07 (money) joins each case of the scope to its entries dated ≤ E and reads only kind and amount:
 * `(case_id, effective_date, kind, amount)` answers that from the index alone (no table rows), like the
 * spans index does for form 06 (docs/performance.md).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('money_entries', (table) => {
      table.index(['case_id', 'effective_date', 'kind', 'amount'], 'money_entries_report_index')
    })
  }

  async down() {
    this.schema.alterTable('money_entries', (table) => {
      table.dropIndex([], 'money_entries_report_index')
    })
  }
}
