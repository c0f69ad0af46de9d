/**
 * Example form (docs/statistician.md): cases newly accepted in the period, by origin.
 * Each column is an SQL predicate over one case `c`; the host counts the cases per row (officer or unit).
 */
import { definePlugin } from '#reporting'

export default definePlugin({
  kind: 'form',
  source: 'cases',
  columns: [
    {
      key: 'c1',
      no: 1,
      unit: 'cases',
      label: { vi: 'Thụ lý mới', en: 'Newly accepted' },
      formula: '= 2 + 3 + 4',
    },
    { key: 'c2', no: 2, unit: 'cases', label: { vi: 'Quyết định mới', en: 'New decisions' } },
    { key: 'c3', no: 3, unit: 'cases', label: { vi: 'Nhận ủy thác', en: 'Delegated in' } },
    { key: 'c4', no: 4, unit: 'cases', label: { vi: 'Rút hồ sơ lên', en: 'Withdrawn in' } },
  ],
  rules: [{ id: 'o1', left: '1', op: '=', right: '2 + 3 + 4', importance: 'error' }],
  measures: (sql) => ({
    c1: sql.acceptedInPeriod,
    c2: `${sql.acceptedInPeriod} AND c.origin = 'new'`,
    c3: `${sql.acceptedInPeriod} AND c.origin = 'delegated_in'`,
    c4: `${sql.acceptedInPeriod} AND c.origin = 'withdrawn_in'`,
  }),
})
