/**
 * Upkeep of `case_search_terms` (migration 0160): every write that changes a case's number, judgment,
 * parties or receipts calls `refreshSearchTerms()` inside its transaction, so the header search never
 * reads a stale or half-written key.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { searchKey } from '#core'

export const TERM_MAX = 191

/** The stored terms of one text: its key, and for names also the key from each word on. */
export function termsOf(text: string | null | undefined, words = false): string[] {
  const key = searchKey(text).slice(0, TERM_MAX).trim()
  if (!key) return []
  if (!words) return [key]
  const parts = key.split(' ')
  return [...new Set(parts.map((_, i) => parts.slice(i).join(' ')))]
}

/** Rebuilds the search terms of a case from its current rows (a few small indexed reads). */
export async function refreshSearchTerms(trx: TransactionClientContract, caseId: number) {
  const c = await trx
    .from('cases')
    .leftJoin('judgments', 'judgments.id', 'cases.judgment_id')
    .where('cases.id', caseId)
    .select(
      'cases.number',
      'cases.debtor_name',
      'cases.creditor_name',
      'judgments.number as judgment_number'
    )
    .first()
  if (!c) return
  const parties = await trx.from('case_parties').where('case_id', caseId).select('name')
  const receipts = await trx
    .from('money_entries')
    .where('case_id', caseId)
    .whereNotNull('receipt_number')
    .select('receipt_number')
  const rows: { case_id: number; kind: string; term: string }[] = []
  const seen = new Set<string>()
  const push = (kind: string, text: string | null, words = false) => {
    for (const term of termsOf(text, words)) {
      if (seen.has(`${kind}:${term}`)) continue
      seen.add(`${kind}:${term}`)
      rows.push({ case_id: caseId, kind, term })
    }
  }
  push('number', c.number)
  push('judgment', c.judgment_number)
  // The names the case list shows and searches (also parties when written through the intake).
  push('party', c.debtor_name, true)
  push('party', c.creditor_name, true)
  for (const p of parties) push('party', p.name, true)
  for (const r of receipts) push('receipt', r.receipt_number)
  await trx.from('case_search_terms').where('case_id', caseId).delete()
  if (rows.length) await trx.insertQuery().table('case_search_terms').multiInsert(rows)
}

/**
 * The set-based form of refreshSearchTerms for many cases in one transaction (the historical import's chunks):
 * three reads and one delete for the whole set, then multi-row inserts.
 */
export async function refreshSearchTermsOf(trx: TransactionClientContract, caseIds: number[]) {
  if (!caseIds.length) return
  const heads = await trx
    .from('cases')
    .leftJoin('judgments', 'judgments.id', 'cases.judgment_id')
    .whereIn('cases.id', caseIds)
    .select('cases.id', 'cases.number', 'judgments.number as judgment_number')
  const parties = await trx
    .from('case_parties')
    .whereIn('case_id', caseIds)
    .orderBy('id')
    .select('case_id', 'name')
  const receipts = await trx
    .from('money_entries')
    .whereIn('case_id', caseIds)
    .whereNotNull('receipt_number')
    .orderBy('id')
    .select('case_id', 'receipt_number')
  const rows: { case_id: number; kind: string; term: string }[] = []
  const seen = new Set<string>()
  const push = (caseId: number, kind: string, text: string | null, words = false) => {
    for (const term of termsOf(text, words)) {
      const k = `${caseId}:${kind}:${term}`
      if (seen.has(k)) continue
      seen.add(k)
      rows.push({ case_id: caseId, kind, term })
    }
  }
  for (const c of heads) {
    push(Number(c.id), 'number', c.number)
    push(Number(c.id), 'judgment', c.judgment_number)
  }
  for (const p of parties) push(Number(p.case_id), 'party', p.name, true)
  for (const r of receipts) push(Number(r.case_id), 'receipt', r.receipt_number)
  await trx.from('case_search_terms').whereIn('case_id', caseIds).delete()
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertQuery()
      .table('case_search_terms')
      .multiInsert(rows.slice(i, i + 500))
}

/** Adds one term (a receipt posted, a decision number given) without rebuilding the case's terms: one insert. */
export async function addTerm(
  trx: TransactionClientContract,
  caseId: number,
  kind: 'receipt' | 'number',
  text: string | null | undefined
) {
  const [term] = termsOf(text)
  if (term)
    await trx.insertQuery().table('case_search_terms').insert({ case_id: caseId, kind, term })
}
