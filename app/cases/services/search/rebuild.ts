/**
 * Rebuilds `case_search_terms` for every case (`node ace search:rebuild`, called by demo:generate after a bulk
 * load whose writers bypass `refreshSearchTerms`). Set-based in chunks of case ids: per chunk one read of the
 * cases (with their judgment numbers), one of their parties, one of their receipts, one ranged DELETE and a few
 * multi-row INSERTs, in one transaction — the header search and the case list stay readable while it runs.
 * The diacritic-free key (`searchKey`) is computed in the process: it is the same function as on write.
 */
import db from '@adonisjs/lucid/services/db'
import { termsOf } from './terms.js'

export async function rebuildSearchTerms(
  options: { connection?: string; chunk?: number; log?: (line: string) => void } = {}
) {
  const client = db.connection(options.connection)
  const chunk = options.chunk ?? 5000
  const started = Date.now()
  let after = 0
  let cases = 0
  let rows = 0
  for (;;) {
    const batch = await client
      .from('cases')
      .leftJoin('judgments', 'judgments.id', 'cases.judgment_id')
      .where('cases.id', '>', after)
      .orderBy('cases.id')
      .limit(chunk)
      .select(
        'cases.id',
        'cases.number',
        'cases.debtor_name',
        'cases.creditor_name',
        'judgments.number as judgment_number'
      )
    if (batch.length === 0) break
    const lo = Number(batch[0].id)
    after = Number(batch[batch.length - 1].id)
    const [parties, receipts] = await Promise.all([
      client
        .from('case_parties')
        .where('case_id', '>=', lo)
        .where('case_id', '<=', after)
        .select('case_id', 'name'),
      client
        .from('money_entries')
        .where('case_id', '>=', lo)
        .where('case_id', '<=', after)
        .whereNotNull('receipt_number')
        .select('case_id', 'receipt_number'),
    ])
    const out: { case_id: number; kind: string; term: string }[] = []
    const seen = new Set<string>()
    const push = (caseId: number, kind: string, text: string | null, words = false) => {
      for (const term of termsOf(text, words)) {
        const k = `${caseId}:${kind}:${term}`
        if (seen.has(k)) continue
        seen.add(k)
        out.push({ case_id: caseId, kind, term })
      }
    }
    for (const c of batch) {
      const id = Number(c.id)
      push(id, 'number', c.number)
      push(id, 'judgment', c.judgment_number)
      push(id, 'party', c.debtor_name, true)
      push(id, 'party', c.creditor_name, true)
    }
    for (const p of parties) push(Number(p.case_id), 'party', p.name, true)
    for (const r of receipts) push(Number(r.case_id), 'receipt', r.receipt_number)
    await client.transaction(async (trx) => {
      await trx
        .from('case_search_terms')
        .where('case_id', '>=', lo)
        .where('case_id', '<=', after)
        .delete()
      // SQLite turns a multi-row insert into one compound SELECT, limited to 500 terms.
      for (let i = 0; i < out.length; i += 500)
        await trx
          .insertQuery()
          .table('case_search_terms')
          .multiInsert(out.slice(i, i + 500))
    })
    cases += batch.length
    rows += out.length
    if (cases % 100_000 < chunk)
      options.log?.(
        `search terms: ${cases.toLocaleString('en')} cases, ${rows.toLocaleString('en')} terms`
      )
  }
  return { cases, rows, seconds: (Date.now() - started) / 1000 }
}
