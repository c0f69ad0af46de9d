import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Covering indexes for the report queries (docs/performance.md shows the plans and timings at 1M cases):
 *   - cases (unit_path, decision_date, draft_status): a per-unit report reads its subtree as one index range on
 *     unit_path (context.ts uses a [path, path-with-'0') range) without touching the wide case rows;
 *   - cases (unit_id, decision_date, draft_status): the same for a unit's own report (per officer);
 *   - case_status_spans (case_id, from_date, to_date, status): "status at E" is answered from the index alone;
 *   - case_assignments (case_id, from_date, id, officer_id): "officer at E" likewise, in the subquery's order.
 * The first replaces cases (unit_path, decision_date), which it extends; the (case_id, from_date) indexes stay
 * (MySQL's foreign keys on case_id may be using them).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('cases', (table) => {
      table.index(['unit_path', 'decision_date', 'draft_status'], 'cases_report_path_index')
      table.index(['unit_id', 'decision_date', 'draft_status'], 'cases_report_unit_index')
      table.dropIndex(['unit_path', 'decision_date'])
    })
    this.schema.alterTable('case_status_spans', (table) => {
      table.index(['case_id', 'from_date', 'to_date', 'status'], 'case_status_spans_report_index')
    })
    this.schema.alterTable('case_assignments', (table) => {
      table.index(['case_id', 'from_date', 'id', 'officer_id'], 'case_assignments_report_index')
    })
  }

  async down() {
    this.schema.alterTable('case_assignments', (table) => {
      table.dropIndex([], 'case_assignments_report_index')
    })
    this.schema.alterTable('case_status_spans', (table) => {
      table.dropIndex([], 'case_status_spans_report_index')
    })
    this.schema.alterTable('cases', (table) => {
      table.index(['unit_path', 'decision_date'])
      table.dropIndex([], 'cases_report_unit_index')
      table.dropIndex([], 'cases_report_path_index')
    })
  }
}
