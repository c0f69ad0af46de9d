import { BaseSchema } from '@adonisjs/lucid/schema'
import { searchKey } from '#core'

/**
 * The header search (issue 11): one row per searchable text of a case — its decision number, its judgment's
 * number, receipt numbers of its collections, its parties' names — stored as the diacritic-free `searchKey()`
 * and, for names, also from each word on ("nguyen van duc", "van duc", "duc"), so a search is an indexed
 * prefix LIKE on every database ("duc" finds "Nguyễn Văn Đức"). Scope is applied through `cases`, so
 * transfers need no upkeep here. Maintained on write by `refreshSearchTerms()` (cases module).
 *
 * Also: an index for the duplicate-judgment check (same court, number and date).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('case_search_terms', (table) => {
      table.increments('id')
      table.integer('case_id').unsigned().notNullable().references('id').inTable('cases')
      table.string('kind', 16).notNullable() // number | judgment | receipt | party
      table.string('term', 191).notNullable()
      table.index(['term'])
      table.index(['case_id'])
      // The case list's name search (kind, prefix → case ids) from the index alone; see also 0136.
      table.index(['kind', 'term', 'case_id'], 'case_search_terms_kind_term_index')
    })
    this.schema.alterTable('judgments', (table) => {
      table.index(['number', 'judgment_date'], 'judgments_number_date_index')
    })

    // Backfill existing cases in id order, a chunk at a time (never a whole table in memory).
    this.defer(async (db) => {
      let last = 0
      for (;;) {
        const cases = await db
          .from('cases')
          .leftJoin('judgments', 'judgments.id', 'cases.judgment_id')
          .where('cases.id', '>', last)
          .orderBy('cases.id')
          .limit(2000)
          .select('cases.id', 'cases.number', 'judgments.number as judgment_number')
        if (cases.length === 0) break
        const ids = cases.map((c) => c.id)
        const parties = await db
          .from('case_parties')
          .whereIn('case_id', ids)
          .select('case_id', 'name')
        const receipts = await db
          .from('money_entries')
          .whereIn('case_id', ids)
          .whereNotNull('receipt_number')
          .select('case_id', 'receipt_number')
        const rows: Record<string, unknown>[] = []
        const push = (caseId: number, kind: string, text: string | null, words = false) => {
          for (const term of termsOf(text, words)) rows.push({ case_id: caseId, kind, term })
        }
        for (const c of cases) {
          push(c.id, 'number', c.number)
          push(c.id, 'judgment', c.judgment_number)
        }
        for (const p of parties) push(p.case_id, 'party', p.name, true)
        for (const r of receipts) push(r.case_id, 'receipt', r.receipt_number)
        for (let i = 0; i < rows.length; i += 500) {
          await db.table('case_search_terms').multiInsert(rows.slice(i, i + 500))
        }
        last = cases[cases.length - 1].id
      }
    })
  }

  async down() {
    this.schema.alterTable('judgments', (table) => {
      table.dropIndex(['number', 'judgment_date'], 'judgments_number_date_index')
    })
    this.schema.dropTable('case_search_terms')
  }
}

/** Same rule as the cases module's `refreshSearchTerms()` (kept here so the migration never changes). */
function termsOf(text: string | null, words: boolean): string[] {
  const key = searchKey(text).slice(0, 191)
  if (!key) return []
  if (!words) return [key]
  const parts = key.split(' ')
  return [...new Set(parts.map((_, i) => parts.slice(i).join(' ')))]
}
