/**
 * The header groups of forms 06/TK-THA and 07/TK-THA as printed on the paper forms (Thông tư 06/2019/TT-BTP):
 * both forms share the 17 columns of SPEC §5. A form without an entry here gets a flat header.
 */
import type { HeaderNode } from '../types.js'

const total = { vi: 'Tổng số', en: 'Total' }
const ofWhich = { vi: 'Chia ra', en: 'Of which' }

const FORMS_06_07: HeaderNode[] = [
  {
    label: { vi: 'Tổng số thụ lý', en: 'Total accepted' },
    children: [
      { col: 1, label: total },
      { label: ofWhich, children: [{ col: 2 }, { col: 3 }] },
    ],
  },
  { col: 4 },
  { col: 5 },
  {
    label: { vi: 'Tổng số phải thi hành', en: 'Total to enforce' },
    children: [
      { col: 6, label: total },
      {
        label: { vi: 'Có điều kiện thi hành', en: 'With conditions to enforce' },
        children: [
          { col: 7, label: total },
          { label: ofWhich, children: [8, 9, 10, 11, 12, 13].map((col) => ({ col })) },
        ],
      },
      { col: 14 },
    ],
  },
  { col: 15 },
  {
    label: { vi: 'Chuyển kỳ sau', en: 'Carried to the next period' },
    children: [{ col: 16, label: total }, { col: 17 }],
  },
]

const OFFICIAL: Record<string, HeaderNode[]> = {
  'form-06-cases': FORMS_06_07,
  'form-07-money': FORMS_06_07,
}

export function officialHeaderGroups(formId: string): HeaderNode[] | null {
  return OFFICIAL[formId] ?? null
}
