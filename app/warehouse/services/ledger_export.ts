/**
 * The ledger (sổ theo dõi vật chứng) as a `ListExport` for the export plugins' list path (xlsx through
 * renderList), read page by page with keyset paging on the same scoped query as the page.
 */
import type { User } from '#accounts'
import { today } from '#core'
import type { ListColumn, ListExport } from '#reporting'
import { exhibitQuery, type ExhibitFilters } from './queries.js'

const L = (vi: string, en: string) => ({ vi, en })
const CATEGORY_VI: Record<string, string> = {
  money: 'Tiền',
  valuable_papers: 'Giấy tờ có giá',
  gold_gems: 'Vàng, bạc, đá quý',
  vehicle: 'Phương tiện',
  goods: 'Hàng hóa, đồ vật',
  perishable: 'Dễ hư hỏng',
  dangerous: 'Hàng nguy hiểm',
  documents: 'Tài liệu',
  immovable: 'Tài sản gửi giữ nơi khác',
}
const STATUS_VI: Record<string, string> = {
  awaiting: 'Chờ nhập kho',
  in_custody: 'Đang bảo quản',
  closed: 'Đã xử lý xong',
}

export const LEDGER_COLUMNS: ListColumn[] = [
  { key: 'code', unit: 'cases', format: 'text', label: L('Số vật chứng', 'Item number') },
  { key: 'unit_code', unit: 'cases', format: 'text', label: L('Đơn vị', 'Unit') },
  { key: 'category', unit: 'cases', format: 'text', label: L('Loại', 'Category') },
  { key: 'description', unit: 'cases', format: 'text', label: L('Tên, đặc điểm', 'Description') },
  { key: 'measure', unit: 'cases', format: 'text', label: L('Đơn vị tính', 'Measure') },
  { key: 'quantity_held', unit: 'cases', label: L('Số lượng đang giữ', 'Held') },
  { key: 'seal_number', unit: 'cases', format: 'text', label: L('Số niêm phong', 'Seal') },
  {
    key: 'source',
    unit: 'cases',
    format: 'text',
    label: L('Cơ quan chuyển giao, biên bản', 'Source, record'),
  },
  {
    key: 'case_number',
    unit: 'cases',
    format: 'text',
    label: L('Bản án / việc THA', 'Judgment / case'),
  },
  { key: 'place', unit: 'cases', format: 'text', label: L('Nơi bảo quản', 'Kept at') },
  { key: 'received_on', unit: 'cases', format: 'date', label: L('Ngày nhập kho', 'Received on') },
  { key: 'status', unit: 'cases', format: 'text', label: L('Tình trạng xử lý', 'Status') },
]

function row(r: any, locale: 'vi' | 'en'): Record<string, unknown> {
  const vi = locale === 'vi'
  return {
    code: r.code,
    unit_code: r.unit_code,
    category: vi ? CATEGORY_VI[r.category] : r.category,
    description: r.description,
    measure: r.measure,
    quantity_held: Number(r.quantity_held),
    seal_number: r.seal_number,
    source: `${r.source_body} — ${r.seizure_record}`,
    case_number: r.case_number ?? r.judgment_number ?? (vi ? 'Chưa có bản án' : 'No judgment yet'),
    place: `${r.location ?? ''}${r.custodian ? ` (${r.custodian})` : ''}`,
    received_on: r.received_on,
    status: vi ? STATUS_VI[r.status] : r.status,
  }
}

function months(start: string, end: string): number {
  const m = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7))
  return Math.max(1, m(end) - m(start) + 1)
}

export async function ledgerExport(
  user: User,
  filters: ExhibitFilters,
  locale: 'vi' | 'en',
  pageSize = 1000
): Promise<ListExport> {
  const total = Number((await exhibitQuery(user, filters).count('* as n').first())?.n ?? 0)
  const day = today()
  const start = filters.from ?? `${day.slice(0, 4)}-01-01`
  const end = filters.to ?? day
  const read = (afterId: number) =>
    exhibitQuery(user, filters)
      .select(
        'exhibits.*',
        'units.code as unit_code',
        'cases.number as case_number',
        'judgments.number as judgment_number'
      )
      .where('exhibits.id', '>', afterId)
      .orderBy('exhibits.id')
      .limit(pageSize)
  return {
    form: {
      id: 'warehouse-ledger',
      version: '1',
      title: L('Sổ theo dõi vật chứng, tài sản tạm giữ', 'Exhibit ledger'),
      legalBasis: null,
    },
    subtitle: null,
    unit: { id: user.unit.id, code: user.unit.code, name: user.unit.name, level: user.unit.level },
    period: { year: Number(end.slice(0, 4)), n: months(start, end), start, end },
    columns: LEDGER_COLUMNS,
    total,
    async *pages() {
      let after = 0
      for (;;) {
        const rows = await read(after)
        if (rows.length === 0) return
        after = Number(rows[rows.length - 1].id)
        yield rows.map((r: any) => row(r, locale))
        if (rows.length < pageSize) return
      }
    },
  }
}
