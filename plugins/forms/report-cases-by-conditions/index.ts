/**
 * Open cases at period end split by conditions to enforce (Law Art. 44a), per officer / unit like form 06,
 * with drill-down to the cases of every cell.
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
      label: { vi: 'Chưa xong cuối kỳ', en: 'Open at period end' },
    },
    {
      key: 'c2',
      no: 2,
      unit: 'cases',
      label: { vi: 'Có điều kiện thi hành', en: 'With conditions' },
    },
    { key: 'c3', no: 3, unit: 'cases', label: { vi: 'Đang thi hành', en: 'In progress' } },
    { key: 'c4', no: 4, unit: 'cases', label: { vi: 'Hoãn', en: 'Postponed' } },
    { key: 'c5', no: 5, unit: 'cases', label: { vi: 'Tạm đình chỉ', en: 'Suspended' } },
    {
      key: 'c6',
      no: 6,
      unit: 'cases',
      label: { vi: 'Chưa có điều kiện thi hành', en: 'Without conditions' },
    },
  ],
  rules: [
    { id: 'k1', left: '1', op: '=', right: '2 + 6', importance: 'error' },
    { id: 'k2', left: '2', op: '=', right: '3 + 4 + 5', importance: 'error' },
  ],
  measures: (sql) => ({
    c1: sql.openAtEnd,
    c2: sql.statusIs('in_progress', 'postponed', 'suspended'),
    c3: sql.statusIs('in_progress'),
    c4: sql.statusIs('postponed'),
    c5: sql.statusIs('suspended'),
    c6: sql.statusIs('no_conditions'),
  }),
})
