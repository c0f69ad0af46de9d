/**
 * The case list (`/cases`, "my cases", `GET /api/v1/cases`) at national scale (issue 10):
 *  - every sort is served by an index `(draft_status, <sort columns>, id, unit_path, status)` (migration 0131),
 *    read in order and stopped after one page;
 *  - pages follow a keyset cursor (`after` / `before`: the sort values and id of the edge row), so page 100
 *    costs what page 1 costs; `page=N` (offset) is still understood for old links and the API;
 *  - the total is counted once per list (first page) and bounded: up to COUNT_CAP rows it is exact, beyond it
 *    the page says "more than 10,000" — a case list is a working tool, the exact figures are in the forms;
 *  - search: a query with a digit is a number (case number prefix, judgment number, receipt number: index
 *    lookups), otherwise a name (debtor, creditor, parties) matched within the user's scope.
 */
import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { likeClause, searchKey, whereContains } from '#core'
import type { CaseFilters } from './queries.js'
import { OPEN_STATUSES } from '../state_machine.js'
import { visibleCases } from './access.js'
import type Case from '../models/case.js'

export const COUNT_CAP = 10_000

const SORTS = {
  decision_date: ['decision_date'],
  number: ['year', 'seq'],
  remaining: ['remaining'],
  status: ['status'],
  debtor_name: ['debtor_name'],
} as const
type SortKey = keyof typeof SORTS

export interface Cursor {
  /** Sort values of the edge row, then its id. */
  v: (string | number | null)[]
  /** Page number of the page this cursor opens. */
  p: number
  /** Bounded total, carried so that later pages do not count again. */
  t: number
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url')
}

export function decodeCursor(text: string | undefined | null): Cursor | null {
  if (!text) return null
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    if (!Array.isArray(c.v) || !Number.isInteger(c.p) || !Number.isInteger(c.t)) return null
    if (!c.v.every((x: unknown) => x === null || ['string', 'number'].includes(typeof x)))
      return null
    return { v: c.v, p: Math.max(1, c.p), t: Math.max(0, c.t) }
  } catch {
    return null
  }
}

/** `%`, `_` and `\` typed by the user match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

/**
 * Rows strictly after (`forward`) the cursor row in the order `columns…, id` all `dir`. NULLs sort first in
 * ascending order on SQLite and MariaDB alike, so they come last when descending.
 */
function keyset(q: any, columns: string[], values: unknown[], dir: 'asc' | 'desc') {
  const cols = [...columns, 'id']
  // A redundant bound on the first column turns the walk into an index range that starts at the cursor
  // (the OR below alone is not a range for the planners).
  const [first, v0] = [`cases.${cols[0]}`, values[0]]
  if (dir === 'desc') {
    if (v0 === null) q.whereNull(first)
    else q.where((w: any) => w.where(first, '<=', v0).orWhereNull(first))
  } else if (v0 !== null) q.where(first, '>=', v0)
  q.where((outer: any) => {
    cols.forEach((col, k) => {
      outer.orWhere((w: any) => {
        for (let i = 0; i < k; i++) {
          if (values[i] === null) w.whereNull(`cases.${cols[i]}`)
          else w.where(`cases.${cols[i]}`, values[i])
        }
        const v = values[k]
        if (dir === 'desc') {
          if (v === null) w.whereRaw('1 = 0')
          else w.where((x: any) => x.where(`cases.${col}`, '<', v).orWhereNull(`cases.${col}`))
        } else if (v === null) w.whereNotNull(`cases.${col}`)
        else w.where(`cases.${col}`, '>', v)
      })
    })
  })
}

const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? null : v

function sortValues(c: Case, columns: readonly string[]): (string | number | null)[] {
  const attrs = c.$attributes as Record<string, unknown>
  const camel = (s: string) => s.replace(/_(\w)/g, (_, ch) => ch.toUpperCase())
  return [
    ...columns.map((col) => {
      const v = attrs[camel(col)]
      if (v && typeof v === 'object' && 'toISODate' in (v as any)) return (v as any).toISODate()
      return iso(v) as string | number | null
    }),
    c.id,
  ]
}

/**
 * Cases whose decision number starts with `q`, whose judgment has number `q` or that hold a receipt numbered
 * `q`: three index lookups (at most 1,000 ids), so a number search never walks the list.
 */
async function numberMatches(q: string): Promise<number[]> {
  const sqlite = db.connection().dialect.name.includes('sqlite')
  const byNumber = db.from('cases').select('id').limit(1000)
  if (sqlite) byNumber.where('number', '>=', q).where('number', '<', `${q}\u{10FFFF}`)
  else byNumber.whereRaw("number LIKE ? ESCAPE '\\\\'", [`${escapeLike(q)}%`])
  const [a, b, c] = await Promise.all([
    byNumber,
    db
      .from('cases')
      .whereIn('judgment_id', (sub) => sub.from('judgments').select('id').where('number', q))
      .select('id')
      .limit(1000),
    db.from('money_entries').where('receipt_number', q).select('case_id as id').limit(1000),
  ])
  return [...new Set([...a, ...b, ...c].map((r) => Number(r.id)))]
}

/**
 * A name query goes through `case_search_terms` when the terms exist (the table is filled: on write, by its
 * migration and by `search:rebuild` after a bulk load) and the text holds only letters and spaces — a `%`, `_`
 * or other sign the key would drop keeps the LIKE scan, so that it matches itself.
 */
async function namesIndexed(q: string): Promise<boolean> {
  if (/[^\p{L}\s]/u.test(q) || searchKey(q).length < 2) return false
  return !!(await db.from('case_search_terms').select('id').limit(1).first())
}

/** Cases with a party term starting with `key` (only `a-z`, digits and spaces): an index range. */
function termRange(sub: any, key: string) {
  sub.from('case_search_terms').select('case_id').where('kind', 'party')
  if (db.connection().dialect.name.includes('sqlite'))
    return sub.where('term', '>=', key).where('term', '<', `${key}\u{10FFFF}`)
  return sub.where('term', 'like', `${key}%`)
}

/** The filtered list, before order and paging; `name` tells whether a name search scans the scope. */
export async function filteredCases(
  user: User,
  filters: CaseFilters,
  options: { mine?: boolean } = {}
) {
  const query = visibleCases(user).where('cases.draft_status', 'approved')
  if (options.mine) query.where('cases.officer_id', user.id)
  if (filters.status === 'open') query.whereIn('cases.status', [...OPEN_STATUSES])
  else if (filters.status) query.where('cases.status', filters.status)
  if (filters.officer_id) query.where('cases.officer_id', filters.officer_id)
  if (filters.kind) query.where('cases.kind', filters.kind)
  if (filters.origin) query.where('cases.origin', filters.origin)
  if (filters.from) query.where('cases.decision_date', '>=', filters.from)
  if (filters.to) query.where('cases.decision_date', '<=', filters.to)
  if (filters.credit) query.where('cases.credit_institution', true)
  const q = filters.q?.trim()
  let name = false
  if (q && /\d/.test(q)) {
    // A number: the case's decision number (prefix), its judgment's number, a receipt of its money.
    const ids = await numberMatches(q)
    query.whereIn('cases.id', ids.length ? ids : [0])
  } else if (q && (await namesIndexed(q))) {
    // A name, once the search terms exist: a diacritic-free prefix of a word of the debtor's, the
    // creditor's or a party's name ("duc" finds "Nguyễn Văn Đức"), one index range on the terms.
    name = true
    query.whereIn('cases.id', (sub) => termRange(sub, searchKey(q)))
  } else if (q) {
    // A name: matched anywhere in the debtor's, the creditor's or a party's name, within the user's scope.
    name = true
    whereContains(query, ['cases.debtor_name', 'cases.creditor_name'], q, (w, pattern) =>
      w.orWhereExists((sub: any) =>
        sub
          .from('case_parties')
          .whereColumn('case_parties.case_id', 'cases.id')
          .whereRaw(...likeClause('case_parties.name', pattern))
      )
    )
  }
  return { query, name }
}

export interface CasePage {
  rows: Case[]
  page: number
  perPage: number
  /** Exact when `capped` is false; otherwise the list holds more than COUNT_CAP cases. */
  total: number
  capped: boolean
  lastPage: number | null
  next: string | null
  previous: string | null
  /** The previous page is the first one (no cursor needed). */
  previousIsFirst: boolean
}

/** One page of the case list, in an index's order, with a bounded total. */
export async function listCasePage(
  user: User,
  filters: CaseFilters & { after?: string; before?: string },
  options: { mine?: boolean } = {}
): Promise<CasePage> {
  const sort: SortKey = (filters.sort as SortKey) ?? 'decision_date'
  const columns = SORTS[sort]
  const dir = filters.dir ?? 'desc'
  const perPage = filters.per_page ?? 25
  const after = decodeCursor(filters.after)
  const before = after ? null : decodeCursor(filters.before)
  const cursor = after ?? before

  let total: number
  if (cursor) total = cursor.t
  else {
    const inner = (await filteredCases(user, filters, options)).query
      .select('cases.id')
      .limit(COUNT_CAP + 1)
    const [row] = await db.from((inner as any).toKnex().as('t')).count('* as n')
    total = Number(row?.n ?? 0)
  }
  const capped = total > COUNT_CAP

  const reverse = !!before
  const order = reverse ? (dir === 'desc' ? 'asc' : 'desc') : dir
  const { query, name } = await filteredCases(user, filters, options)
  query.preload('officer').preload('unit')
  if (cursor) keyset(query, [...columns], cursor.v, order)
  if (name) {
    // A name search reads the scope's range and sorts its matches: ordering by an expression keeps the
    // planners from walking a sort index across the nation in the hope of finding 25 matches early.
    for (const col of columns) query.orderByRaw(`COALESCE(cases.${col}, cases.${col}) ${order}`)
    query.orderByRaw(`cases.id + 0 ${order}`)
  } else {
    for (const col of columns) query.orderBy(`cases.${col}`, order)
    query.orderBy('cases.id', order)
  }
  let page = cursor ? cursor.p : 1
  if (!cursor && filters.page && filters.page > 1) {
    page = filters.page
    query.offset((page - 1) * perPage)
  }
  const fetched = await query.limit(perPage + 1)
  const more = fetched.length > perPage
  const rows = fetched.slice(0, perPage)
  if (reverse) rows.reverse()

  const t = Math.min(total, COUNT_CAP + 1)
  const hasNext = reverse ? true : more
  const hasPrevious = reverse ? more || page > 1 : page > 1
  const edge = (c: Case | undefined, p: number) =>
    c ? encodeCursor({ v: sortValues(c, columns), p, t }) : null
  return {
    rows,
    page,
    perPage,
    total: capped ? COUNT_CAP : total,
    capped,
    lastPage: capped ? null : Math.max(1, Math.ceil(total / perPage)),
    next: hasNext && rows.length ? edge(rows[rows.length - 1], page + 1) : null,
    previous: hasPrevious && page > 2 ? edge(rows[0], page - 1) : null,
    previousIsFirst: hasPrevious && page <= 2,
  }
}

const OFFICERS_TTL_MS = 60_000
const officerLists = new Map<string, { at: number; list: Promise<User[]> }>()

/**
 * The officers offered by the list's officer filter, kept for a minute per reach (a province's list is
 * read on every view of its case list and changes rarely). Only the choices are cached: a request for an
 * officer is still checked against the scope by the list query itself.
 */
export function officersForFilter(user: User, read: (u: User) => Promise<User[]>): Promise<User[]> {
  const key = `${user.unitId}:${[...user.roleNames].sort().join(',')}`
  const hit = officerLists.get(key)
  if (hit && Date.now() - hit.at < OFFICERS_TTL_MS) return hit.list
  const list = read(user)
  officerLists.set(key, { at: Date.now(), list })
  list.catch(() => officerLists.delete(key))
  if (officerLists.size > 2000) officerLists.delete(officerLists.keys().next().value!)
  return list
}
