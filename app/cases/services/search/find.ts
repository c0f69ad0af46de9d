/**
 * The header search: a decision number, judgment number, receipt number or party name, typed with or without
 * diacritics, within the reader's scope (`visibleCases`). One indexed prefix LIKE on `case_search_terms.term`
 * joined to the reader's cases; never a scan of names.
 */
import type { User } from '#accounts'
import { searchKey } from '#core'
import { visibleCases } from '../access.js'

export const SEARCH_LIMIT = 50

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (m) => `\\${m}`)
}

export async function searchCases(user: User, q: string) {
  const key = searchKey(q)
  if (key.length < 2) return { key, results: [], more: false }
  const rows = await visibleCases(user)
    .whereIn('cases.id', (sub) =>
      sub
        .from('case_search_terms')
        .select('case_id')
        .where('term', 'like', `${escapeLike(key)}%`)
    )
    .preload('unit')
    .preload('officer')
    .limit(SEARCH_LIMIT + 1)
  const results = rows.slice(0, SEARCH_LIMIT)
  // Which of the case's texts matched, to show why it was found.
  const matched = new Map<number, Set<string>>()
  if (results.length) {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const hits = await db
      .from('case_search_terms')
      .whereIn(
        'case_id',
        results.map((c) => c.id)
      )
      .where('term', 'like', `${escapeLike(key)}%`)
      .select('case_id', 'kind')
    for (const h of hits) {
      if (!matched.has(h.case_id)) matched.set(h.case_id, new Set())
      matched.get(h.case_id)!.add(h.kind)
    }
  }
  return {
    key,
    more: rows.length > SEARCH_LIMIT,
    results: results.map((c) => ({ case: c, kinds: [...(matched.get(c.id) ?? [])] })),
  }
}
