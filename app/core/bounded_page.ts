/**
 * Page-numbered lists without an exact COUNT of the whole table on every view (issue 10): the count stops at
 * `cap` rows (at least the rows up to the page asked for), so a list of millions costs a bounded index walk.
 * `capped` tells the page to label the total "more than …" instead of an exact figure.
 */
import db from '@adonisjs/lucid/services/db'
import { SimplePaginator } from '@adonisjs/lucid/database'

export const BOUNDED_COUNT_CAP = 10_000

export interface BoundedPage<T> {
  paginator: SimplePaginator
  rows: T[]
  capped: boolean
}

/**
 * One page of `query` (already filtered and ordered) and a bounded total. `countQuery` is the same query
 * without its order (and selecting one key column), counted over at most `limit + 1` rows.
 */
export async function boundedPage<T>(
  query: any,
  countQuery: any,
  page: number,
  perPage: number,
  cap = BOUNDED_COUNT_CAP
): Promise<BoundedPage<T>> {
  // Always counted one page past the page asked for, so a capped list still offers its next page.
  const limit = Math.max(cap, (page + 1) * perPage)
  const inner = countQuery.limit(limit + 1)
  const [row] = await db.from(inner.toKnex().as('bounded')).count('* as n')
  const n = Number(row?.n ?? 0)
  const capped = n > limit
  const rows: T[] = await query.offset((page - 1) * perPage).limit(perPage)
  const paginator = new SimplePaginator(capped ? limit : n, perPage, page, ...rows)
  // Read by the shared pagination component ("hơn 10.000 bản ghi").
  ;(paginator as any).capped = capped
  return { paginator, rows, capped }
}

/**
 * `query.paginate(page, perPage)` for a Lucid model query, with a bounded count (see boundedPage): the count
 * is the same query without order, preloads or columns, selecting `key` (default: the model's id).
 */
export async function boundedPaginate<T>(
  query: any,
  page: number,
  perPage: number,
  key?: string,
  cap = BOUNDED_COUNT_CAP
): Promise<SimplePaginator & { capped: boolean }> {
  const table = query.model?.table
  const count = query.clone().clearOrder().clearSelect()
  count.select(key ?? (table ? `${table}.id` : 'id'))
  const result = await boundedPage<T>(query, count, page, perPage, cap)
  return result.paginator as SimplePaginator & { capped: boolean }
}
