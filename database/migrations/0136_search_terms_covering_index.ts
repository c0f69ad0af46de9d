import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The case list's name search (issue 10 item 3) reads `case_search_terms` by kind and term prefix and needs only
 * the case ids: `(kind, term, case_id)` answers it from the index alone (no row lookup per matching term).
 * On a fresh database this migration runs before 0160 creates the table, which then carries the index itself;
 * here it is added to databases that had already run 0160.
 */
const NAME = 'case_search_terms_kind_term_index'

export default class extends BaseSchema {
  async up() {
    if (!(await this.schema.hasTable('case_search_terms'))) return
    this.schema.alterTable('case_search_terms', (table) => {
      table.index(['kind', 'term', 'case_id'], NAME)
    })
  }

  async down() {
    if (!(await this.schema.hasTable('case_search_terms'))) return
    this.schema.alterTable('case_search_terms', (table) => {
      table.dropIndex(['kind', 'term', 'case_id'], NAME)
    })
  }
}
