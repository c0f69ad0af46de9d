/**
 * Cases of the statistical year (accepted by E, not finished before S) whose creditor is a credit institution,
 * with their status and remaining amount at period end E.
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
      key: 'creditor_name',
      no: 3,
      unit: 'cases',
      format: 'text',
      label: { vi: 'Người được thi hành án', en: 'Creditor' },
    },
    {
      key: 'decision_date',
      no: 4,
      unit: 'cases',
      format: 'date',
      label: { vi: 'Ngày thụ lý', en: 'Accepted on' },
    },
    {
      key: 'status',
      no: 5,
      unit: 'cases',
      format: 'status',
      label: { vi: 'Trạng thái cuối kỳ', en: 'Status at period end' },
    },
    {
      key: 'remaining',
      no: 6,
      unit: 'vnd',
      label: { vi: 'Còn phải thi hành (đồng)', en: 'Remaining (VND)' },
    },
  ],
  list: async (ctx, { page, perPage }) => {
    const base = () =>
      ctx
        .caseFacts()
        .where('c.credit_institution', true)
        .whereRaw(`NOT ${ctx.sql.endedBeforeStart}`)
    const [{ n }] = await base().count('* as n')
    const rows = await ctx
      .joinRemainingAtEnd(base())
      .join('units as u', 'u.id', 'c.unit_id')
      .select(
        'c.id',
        'c.number',
        'u.code as unit_code',
        'c.creditor_name',
        'c.decision_date',
        ctx.raw(`${ctx.sql.status} AS status`),
        ctx.raw('COALESCE(r.remaining, 0) AS remaining')
      )
      .orderBy('c.decision_date')
      .orderBy('c.id')
      .offset((page - 1) * perPage)
      .limit(perPage)
    return {
      rows: rows.map((r: any) => ({ ...r, remaining: Number(r.remaining) })),
      total: Number(n),
    }
  },
})
