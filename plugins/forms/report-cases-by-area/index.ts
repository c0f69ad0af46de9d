/**
 * Cases per area: one row per (unit, commune/ward) of the unit's subtree, counted with one GROUP BY; the total
 * row comes from its own query so that the host's "total = Σ rows" rule checks the grouping.
 */
import { definePlugin, type ComputedRow, type ReportContext } from '#reporting'

const measures = (ctx: ReportContext) => ({
  c1: `NOT ${ctx.sql.endedBeforeStart}`,
  c2: ctx.sql.acceptedInPeriod,
  c3: ctx.sql.endedInPeriod('completed', 'terminated'),
  c4: ctx.sql.openAtEnd,
  c5: ctx.sql.statusIs('no_conditions'),
})

const selects = (ctx: ReportContext) =>
  Object.entries(measures(ctx)).map(([key, predicate]) =>
    ctx.raw(`COALESCE(SUM(CASE WHEN ${predicate} THEN 1 ELSE 0 END), 0) AS ${key}`)
  )

const values = (row: any) =>
  Object.fromEntries(
    Object.keys(row)
      .filter((k) => /^c\d+$/.test(k))
      .map((k) => [k, Number(row[k])])
  )

export default definePlugin({
  kind: 'form',
  type: 'custom',
  columns: [
    { key: 'c1', no: 1, unit: 'cases', label: { vi: 'Tổng số thụ lý', en: 'Total accepted' } },
    { key: 'c2', no: 2, unit: 'cases', label: { vi: 'Thụ lý mới', en: 'Newly accepted' } },
    {
      key: 'c3',
      no: 3,
      unit: 'cases',
      label: { vi: 'Xong / đình chỉ', en: 'Completed / terminated' },
    },
    {
      key: 'c4',
      no: 4,
      unit: 'cases',
      label: { vi: 'Chưa xong cuối kỳ', en: 'Open at period end' },
    },
    {
      key: 'c5',
      no: 5,
      unit: 'cases',
      label: { vi: 'Trong đó chưa có điều kiện', en: 'Of which without conditions' },
    },
  ],
  rules: [{ id: 'a1', left: '5', op: '<=', right: '4', importance: 'error' }],
  compute: async (ctx) => {
    const grouped = await ctx
      .caseFacts()
      .join('units as u', 'u.id', 'c.unit_id')
      .select('u.code as unit_code', 'c.area', ...selects(ctx))
      .groupBy('u.code', 'c.area')
      .orderBy('u.code')
      .orderBy('c.area')
    const [total] = await ctx.caseFacts().select(...selects(ctx))
    const rows: ComputedRow[] = grouped
      .filter((g: any) => Number(g.c1) > 0)
      .map((g: any, i: number) => {
        const area = g.area ?? '—'
        return {
          key: i + 1,
          kind: 'unit' as const,
          label: { vi: `${g.unit_code} · ${area}`, en: `${g.unit_code} · ${area}` },
          unitCode: g.unit_code,
          values: values(g),
        }
      })
    // Groups with nothing in the year are left out; the total counts only the year's cases too (c2..c5 ⊂ c1).
    rows.push({
      key: -1,
      kind: 'total',
      label: { vi: 'Tổng cộng', en: 'Total' },
      values: values(total),
    })
    return rows
  },
})
