/**
 * Cases still open at period end E (in progress, postponed, suspended, without conditions) with their
 * remaining amount at E. One paged SQL query (keyset cursor for exports: no OFFSET, no repeated count) plus
 * one count for the screen; nothing is loaded into memory beyond a page.
 */
import { definePlugin } from '#reporting'

export default definePlugin({
  kind: 'form',
  type: 'list',
  columns: [
    {
      key: 'number',
      no: 1,
      unit: 'cases',
      format: 'text',
      label: { vi: 'Số quyết định', en: 'Decision number' },
    },
    { key: 'unit_code', no: 2, unit: 'cases', format: 'text', label: { vi: 'Đơn vị', en: 'Unit' } },
    {
      key: 'decision_date',
      no: 3,
      unit: 'cases',
      format: 'date',
      label: { vi: 'Ngày thụ lý', en: 'Accepted on' },
    },
    {
      key: 'status',
      no: 4,
      unit: 'cases',
      format: 'status',
      label: { vi: 'Trạng thái cuối kỳ', en: 'Status at period end' },
    },
    {
      key: 'remaining',
      no: 5,
      unit: 'vnd',
      label: { vi: 'Còn phải thi hành (đồng)', en: 'Remaining (VND)' },
    },
  ],
  list: async (ctx, { page, perPage, after, withTotal = true, stream = false }) => {
    const base = () => ctx.caseFacts().whereRaw(ctx.sql.openAtEnd)
    const total = withTotal ? Number((await base().count('* as n'))[0].n) : -1
    // Per row: the unit's code and the remaining amount at E, each one indexed lookup (the covering
    // money_entries (case_id, effective_date, kind, amount) index), so the scope's cases drive the query and
    // a page reads only its own rows.
    const query = base()
      .select(
        'c.id',
        'c.number',
        ctx.raw('(SELECT u.code FROM units u WHERE u.id = c.unit_id) AS unit_code'),
        'c.decision_date',
        ctx.raw(`${ctx.sql.status} AS status`),
        ctx.raw(
          `COALESCE((SELECT SUM(${ctx.sql.balance}) FROM money_entries m WHERE m.case_id = c.id AND ${ctx.sql.datedByEnd}), 0) AS remaining`
        )
      )
      .limit(perPage)
    if (stream) {
      // An export: the cases by id, so that the span and money lookups walk their (case_id, …) indexes in
      // order — at 1M cases, ordered by date they are random reads (≈ 10× slower); same rows, same figures.
      query.orderBy('c.id')
      const afterId = after && /^\d+$/.test(after) ? Number(after) : 0
      if (afterId) query.where('c.id', '>', afterId)
      const rows = (await query).map((r: any) => ({ ...r, remaining: Number(r.remaining) }))
      const last = rows[rows.length - 1]
      return { rows, total, next: rows.length === perPage && last ? String(last.id) : null }
    }
    query.orderBy('c.decision_date').orderBy('c.id')
    const cursor = after ? decode(after) : null
    if (cursor)
      query
        .where('c.decision_date', '>=', cursor.d)
        .where((w: any) =>
          w
            .where('c.decision_date', '>', cursor.d)
            .orWhere((x: any) => x.where('c.decision_date', cursor.d).where('c.id', '>', cursor.id))
        )
    else query.offset((page - 1) * perPage)
    const rows = (await query).map((r: any) => ({ ...r, remaining: Number(r.remaining) }))
    const last = rows[rows.length - 1]
    return {
      rows,
      total,
      next:
        rows.length === perPage && last ? encode(day(last.decision_date), Number(last.id)) : null,
    }
  },
})

/** Keyset cursor of the list: the last row's accepted date and id. */
function encode(d: string, id: number) {
  return `${d}~${id}`
}
function decode(text: string): { d: string; id: number } | null {
  const m = /^(\d{4}-\d{2}-\d{2})~(\d+)$/.exec(text)
  return m ? { d: m[1], id: Number(m[2]) } : null
}
function day(v: unknown): string {
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0')
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`
  }
  return String(v).slice(0, 10)
}
