import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Case from '../models/case.js'

/**
 * Serialises writers on one case. Bumping `version` first takes the row's write lock on MySQL (held to
 * commit) and makes the SQLite transaction a writer at once; the re-read then sees every earlier commit,
 * so concurrent postings never compute a balance from stale rows.
 */
export async function lockCase(
  trx: TransactionClientContract,
  caseId: number
): Promise<Case | null> {
  const bumped = await trx.from('cases').where('id', caseId).increment('version', 1)
  const changed = Array.isArray(bumped) ? Number(bumped[0] ?? 0) : Number(bumped)
  if (!changed) return null
  const query = Case.query({ client: trx }).where('id', caseId)
  if (trx.dialect.name === 'mysql') query.forUpdate()
  return query.first()
}
