/** The 17 columns of form 06/TK-THA (SPEC §5): amounts in integer VND (shown in thousands). */
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
    unit: 'vnd',
    label: { vi: 'Tổng số thụ lý', en: 'Total accepted' },
    formula: '= 2 + 3',
  },
  {
    key: 'c2',
    no: 2,
    unit: 'vnd',
    label: { vi: 'Năm trước chuyển sang', en: 'Carried over from the previous year' },
    formula: 'Remaining(S−1) of the cases of column 2 of form 06',
  },
  {
    key: 'c3',
    no: 3,
    unit: 'vnd',
    label: { vi: 'Thụ lý mới', en: 'Newly accepted' },
    formula: 'obligation entries dated in [S, E]',
  },
  {
    key: 'c4',
    no: 4,
    unit: 'vnd',
    label: { vi: 'Ủy thác', en: 'Delegated out' },
    formula: 'delegated amounts in [S, E] (full and partial)',
  },
  {
    key: 'c5',
    no: 5,
    unit: 'vnd',
    label: { vi: 'Rút / thu hồi', en: 'Withdrawn / revoked' },
    formula: 'withdrawn and revoked amounts in [S, E]',
  },
  {
    key: 'c6',
    no: 6,
    unit: 'vnd',
    label: { vi: 'Tổng số phải thi hành', en: 'Total to enforce' },
    formula: '= 1 − 4 − 5',
  },
  {
    key: 'c7',
    no: 7,
    unit: 'vnd',
    label: { vi: 'Có điều kiện thi hành', en: 'With conditions to enforce' },
    formula: '= 8 + 9 + 10 + 11 + 12 + 13',
  },
  {
    key: 'c8',
    no: 8,
    unit: 'vnd',
    label: { vi: 'Thi hành xong', en: 'Collected (completed)' },
    formula: 'collected in [S, E]',
  },
  {
    key: 'c9',
    no: 9,
    unit: 'vnd',
    label: { vi: 'Đình chỉ', en: 'Terminated' },
    formula: 'terminated amounts in [S, E]',
  },
  {
    key: 'c10',
    no: 10,
    unit: 'vnd',
    label: { vi: 'Giảm / miễn', en: 'Reduced / exempted' },
    formula: 'reduced in [S, E]',
  },
  {
    key: 'c11',
    no: 11,
    unit: 'vnd',
    label: { vi: 'Đang thi hành', en: 'In progress' },
    formula: 'Remaining(E) of cases in progress',
  },
  {
    key: 'c12',
    no: 12,
    unit: 'vnd',
    label: { vi: 'Hoãn', en: 'Postponed' },
    formula: 'Remaining(E) of postponed cases',
  },
  {
    key: 'c13',
    no: 13,
    unit: 'vnd',
    label: { vi: 'Tạm đình chỉ', en: 'Suspended' },
    formula: 'Remaining(E) of suspended cases',
  },
  {
    key: 'c14',
    no: 14,
    unit: 'vnd',
    label: { vi: 'Chưa có điều kiện', en: 'Without conditions' },
    formula: 'Remaining(E) of cases without conditions',
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
    unit: 'vnd',
    label: { vi: 'Chuyển kỳ sau', en: 'Carried to the next period' },
    formula: '= 6 − 8 − 9 − 10',
  },
  {
    key: 'c17',
    no: 17,
    unit: 'vnd',
    label: { vi: 'Trong đó có điều kiện', en: 'Of which with conditions' },
    formula: '= 7 − 8 − 9 − 10',
  },
]
