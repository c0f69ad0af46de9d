import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Indexes of the case list (issue 10, app/cases/services/case_list.ts): one per sort, in the list's order
 * `(<sort columns>, id)` and carrying the filter columns (`draft_status`, `unit_path`, `status`), so a page is
 * an ordered index walk stopped after 25 rows whatever the size of the province, and a keyset cursor is a
 * range seek. The sort columns come first on purpose: with `draft_status` first, MariaDB reads the index by
 * `ref` on it and walks from the start instead of seeking to the cursor. Plus the search by number
 * (case number, judgment number, receipt number) and the head's queue of submitted drafts.
 */
const LIST = [
  // also unit_id and number: the unexecuted-cases export reads its scan from the index alone
  [
    'cases_list_date_index',
    ['decision_date', 'id', 'draft_status', 'unit_path', 'status', 'unit_id', 'number'],
  ],
  ['cases_list_number_index', ['year', 'seq', 'id', 'draft_status', 'unit_path', 'status']],
  ['cases_list_remaining_index', ['remaining', 'id', 'draft_status', 'unit_path', 'status']],
  ['cases_list_status_index', ['status', 'id', 'draft_status', 'unit_path']],
  ['cases_list_debtor_index', ['debtor_name', 'id', 'draft_status', 'unit_path', 'status']],
  // the bounded count of a scope with the usual filters, from the index alone
  ['cases_list_scope_index', ['unit_path', 'draft_status', 'status', 'officer_id']],
  ['cases_number_index', ['number']],
  ['cases_unit_draft_index', ['unit_id', 'draft_status']],
] as const

export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('cases', (table) => {
      for (const [name, columns] of LIST) table.index([...columns], name)
    })
    this.schema.alterTable('judgments', (table) => {
      table.index(['number'], 'judgments_number_index')
    })
    this.schema.alterTable('money_entries', (table) => {
      table.index(['receipt_number'], 'money_entries_receipt_index')
    })
  }

  async down() {
    this.schema.alterTable('money_entries', (table) => {
      table.dropIndex([], 'money_entries_receipt_index')
    })
    this.schema.alterTable('judgments', (table) => {
      table.dropIndex([], 'judgments_number_index')
    })
    this.schema.alterTable('cases', (table) => {
      for (const [name] of LIST) table.dropIndex([], name)
    })
  }
}
