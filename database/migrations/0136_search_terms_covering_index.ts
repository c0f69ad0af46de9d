import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The case list's name search (issue 10 item 3) reads `case_search_terms` by kind and term prefix and needs only
 * the case ids: `(kind, term, case_id)` answers it from the index alone (no row lookup per matching term).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('case_search_terms', (table) => {
      table.index(['kind', 'term', 'case_id'], 'case_search_terms_kind_term_index')
    })
  }

  async down() {
    this.schema.alterTable('case_search_terms', (table) => {
      table.dropIndex(['kind', 'term', 'case_id'], 'case_search_terms_kind_term_index')
    })
  }
}
