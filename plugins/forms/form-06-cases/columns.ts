/** The 17 columns of form 06/TK-THA (SPEC §5): counts of cases. */
import type { ColumnSpec } from '#reporting'

export const completionRate = (v: Record<string, number | null>) => {
  const base = Number(v.c7 ?? 0)
  if (base === 0) return null
  return (
    Math.round(((Number(v.c8 ?? 0) + Number(v.c9 ?? 0) + Number(v.c10 ?? 0)) * 10000) / base) / 100
  )
}

export const COLUMNS: ColumnSpec[] = [
  {
    key: 'c1',
    no: 1,
    unit: 'cases',
    label: { vi: 'Tổng số thụ lý', en: 'Total accepted' },
    formula: '= 2 + 3',
  },
  {
    key: 'c2',
    no: 2,
    unit: 'cases',
    label: { vi: 'Năm trước chuyển sang', en: 'Carried over from the previous year' },
    formula: 'accepted before S, not terminal on S−1',
  },
  {
    key: 'c3',
    no: 3,
    unit: 'cases',
    label: { vi: 'Thụ lý mới', en: 'Newly accepted' },
    formula: 'accepted in [S, E]',
  },
  {
    key: 'c4',
    no: 4,
    unit: 'cases',
    label: { vi: 'Ủy thác', en: 'Delegated out' },
    formula: 'fully delegated in [S, E]',
  },
  {
    key: 'c5',
    no: 5,
    unit: 'cases',
    label: { vi: 'Rút / thu hồi', en: 'Withdrawn / revoked' },
    formula: 'withdrawn or revoked in [S, E]',
  },
  {
    key: 'c6',
    no: 6,
    unit: 'cases',
    label: { vi: 'Tổng số phải thi hành', en: 'Total to enforce' },
    formula: '= 1 − 4 − 5',
  },
  {
    key: 'c7',
    no: 7,
    unit: 'cases',
    label: { vi: 'Có điều kiện thi hành', en: 'With conditions to enforce' },
    formula: '= 8 + 9 + 10 + 11 + 12 + 13',
  },
  {
    key: 'c8',
    no: 8,
    unit: 'cases',
    label: { vi: 'Thi hành xong', en: 'Completed' },
    formula: 'completed in [S, E]',
  },
  {
    key: 'c9',
    no: 9,
    unit: 'cases',
    label: { vi: 'Đình chỉ', en: 'Terminated' },
    formula: 'terminated in [S, E]',
  },
  {
    key: 'c10',
    no: 10,
    unit: 'cases',
    label: { vi: 'Giảm / miễn', en: 'Reduced / exempted' },
    formula: '0 (money only)',
  },
  {
    key: 'c11',
    no: 11,
    unit: 'cases',
    label: { vi: 'Đang thi hành', en: 'In progress' },
    formula: 'in progress at E',
  },
  {
    key: 'c12',
    no: 12,
    unit: 'cases',
    label: { vi: 'Hoãn', en: 'Postponed' },
    formula: 'postponed at E',
  },
  {
    key: 'c13',
    no: 13,
    unit: 'cases',
    label: { vi: 'Tạm đình chỉ', en: 'Suspended' },
    formula: 'suspended at E',
  },
  {
    key: 'c14',
    no: 14,
    unit: 'cases',
    label: { vi: 'Chưa có điều kiện', en: 'Without conditions' },
    formula: 'no conditions at E',
  },
  {
    key: 'c15',
    no: 15,
    unit: 'percent',
    label: { vi: 'Tỷ lệ xong (%)', en: 'Completion rate (%)' },
    formula: '(8 + 9 + 10) ÷ 7 × 100',
    derive: completionRate,
  },
  {
    key: 'c16',
    no: 16,
    unit: 'cases',
    label: { vi: 'Chuyển kỳ sau', en: 'Carried to the next period' },
    formula: '= 6 − 8 − 9 − 10',
  },
  {
    key: 'c17',
    no: 17,
    unit: 'cases',
    label: { vi: 'Trong đó có điều kiện', en: 'Of which with conditions' },
    formula: '= 7 − 8 − 9 − 10',
  },
]
