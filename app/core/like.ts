/**
 * Text search with LIKE, wildcards escaped (issue 9 item 8): a `%` or `_` typed in a search box matches itself,
 * not "anything". One escape character ('!') on both engines: SQLite has no default LIKE escape and MySQL's
 * default (backslash) collides with string escaping, so the clause always states `ESCAPE '!'`.
 * Matching stays case-insensitive as before (SQLite folds ASCII; MariaDB's utf8mb4_unicode_ci folds more).
 */
export const LIKE_ESCAPE_CHAR = '!'

/** `50%_off` → `%50!%!_off%`. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[!%_]/g, (c) => LIKE_ESCAPE_CHAR + c)}%`
}

interface WhereRawBuilder {
  orWhereRaw(sql: string, bindings: unknown[]): any
  where(callback: (w: any) => void): any
}

/**
 * Adds `(col1 LIKE p OR col2 LIKE p …)` with p = containsPattern(term). Columns are trusted identifiers
 * (`table.column`); `extra` may add further OR branches (a subquery) given the same pattern.
 */
export function whereContains<Q extends WhereRawBuilder>(
  query: Q,
  columns: string[],
  term: string,
  extra?: (w: any, pattern: string) => void
): Q {
  const pattern = containsPattern(term)
  query.where((w: any) => {
    for (const column of columns)
      w.orWhereRaw(`?? LIKE ? ESCAPE '${LIKE_ESCAPE_CHAR}'`, [column, pattern])
    extra?.(w, pattern)
  })
  return query
}

/** One `column LIKE pattern ESCAPE '!'` for a subquery built by hand. */
export function likeClause(column: string, pattern: string): [string, unknown[]] {
  return [`?? LIKE ? ESCAPE '${LIKE_ESCAPE_CHAR}'`, [column, pattern]]
}
