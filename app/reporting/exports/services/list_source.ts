/**
 * A list report or a drill-down as a `ListExport`: the rows are read page by page through the very actions
 * the pages use (ReadList / OpenCell), so each page is authorized and scoped exactly like the screen.
 */
import { Unit, User } from '#accounts'
import { OpenCell, ReadList, type ReportRequest } from '../../actions/run_report.js'
import type { Localized } from '../../plugin/types.js'
import { defaultLayout, TOTAL_KEY, UNASSIGNED_KEY } from '../../services/context.js'
import { periodRange } from '../../services/period.js'
import type { ListColumn, ListExport } from '../types.js'

/** Rows read per query while exporting (a page is a keyset range; 5,000 rows hold a few MB). */
export const EXPORT_PAGE = 5000

export interface ListTarget extends ReportRequest {
  target: 'list' | 'cell'
  row?: number | null
  column?: string | null
}

const L = (vi: string, en: string): Localized => ({ vi, en })

const CASE_COLUMNS: ListColumn[] = [
  { key: 'number', unit: 'cases', format: 'text', label: L('Số quyết định', 'Decision number') },
  { key: 'unit_code', unit: 'cases', format: 'text', label: L('Đơn vị', 'Unit') },
  { key: 'decision_date', unit: 'cases', format: 'date', label: L('Ngày thụ lý', 'Accepted on') },
  {
    key: 'status_at_end',
    unit: 'cases',
    format: 'status',
    label: L('Trạng thái cuối kỳ', 'Status at period end'),
  },
]
const MONEY_COLUMNS: ListColumn[] = [
  { key: 'kind', unit: 'cases', format: 'kind', label: L('Loại bút toán', 'Entry kind') },
  {
    key: 'effective_date',
    unit: 'cases',
    format: 'date',
    label: L('Ngày hiệu lực', 'Effective date'),
  },
  {
    key: 'receipt_number',
    unit: 'cases',
    format: 'text',
    label: L('Số biên lai', 'Receipt number'),
  },
  { key: 'amount', unit: 'vnd', label: L('Số tiền (đồng)', 'Amount (VND)') },
  { key: 'contribution', unit: 'vnd', label: L('Tính vào ô (đồng)', 'Counted in the cell (VND)') },
]

/** The name of a form row: the total, "unassigned", a unit (unit layout) or an officer (officer layout). */
async function rowLabel(row: number, layout: 'officer' | 'unit'): Promise<Localized> {
  if (row === TOTAL_KEY) return L('Tổng cộng', 'Total')
  if (row === UNASSIGNED_KEY && layout === 'officer') return L('Chưa phân công', 'Unassigned')
  const name = layout === 'unit' ? (await Unit.find(row))?.name : (await User.find(row))?.fullName
  return name ? L(name, name) : L(`#${row}`, `#${row}`)
}

export async function listSource(
  user: User,
  input: ListTarget,
  pageSize = EXPORT_PAGE
): Promise<ListExport> {
  if (input.target === 'list') {
    const first = await new ReadList().handle(user, {
      ...input,
      page: 1,
      perPage: pageSize,
      stream: true,
    })
    const { manifest, definition } = first
    return {
      form: {
        id: manifest.id,
        version: manifest.version,
        title: manifest.title,
        legalBasis: manifest.legalBasis,
      },
      subtitle: null,
      unit: first.unit,
      period: first.period,
      columns: definition.columns.map((c) => ({
        key: c.key,
        label: c.label,
        unit: c.unit,
        format: c.format,
      })),
      total: first.total,
      async *pages() {
        yield first.rows
        // A plugin that pages by keyset hands back a cursor: follow it, with no count and no OFFSET.
        let cursor = first.next ?? null
        if (first.next !== undefined) {
          while (cursor) {
            const next = await new ReadList().handle(user, {
              ...input,
              page: 1,
              perPage: pageSize,
              after: cursor,
              withTotal: false,
              stream: true,
            })
            if (next.rows.length === 0) return
            yield next.rows
            cursor = next.next ?? null
          }
          return
        }
        for (let page = 2; (page - 1) * pageSize < first.total; page++) {
          const next = await new ReadList().handle(user, { ...input, page, perPage: pageSize })
          if (next.rows.length === 0) return
          yield next.rows
        }
      },
    }
  }
  const cell = { ...input, row: input.row ?? -1, column: input.column ?? '' }
  const first = await new OpenCell().handle(user, { ...cell, page: 1, perPage: pageSize })
  const { manifest, definition } = first
  const column = definition.columns.find((c) => c.key === cell.column)!
  const unit = await Unit.findByOrFail(/^\d+$/.test(input.unit) ? 'id' : 'code', input.unit)
  const row = await rowLabel(cell.row, input.by ?? defaultLayout(unit))
  return {
    form: {
      id: manifest.id,
      version: manifest.version,
      title: manifest.title,
      legalBasis: manifest.legalBasis,
    },
    subtitle: L(
      `Cột (${column.no}) ${column.label.vi} · Dòng: ${row.vi}`,
      `Column (${column.no}) ${column.label.en} · Row: ${row.en}`
    ),
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    period: periodRange(input.year, input.period),
    columns: first.source === 'money' ? [...CASE_COLUMNS, ...MONEY_COLUMNS] : CASE_COLUMNS,
    total: first.total,
    async *pages() {
      yield first.items
      for (let page = 2; (page - 1) * pageSize < first.total; page++) {
        const next = await new OpenCell().handle(user, { ...cell, page, perPage: pageSize })
        if (next.items.length === 0) return
        yield next.items
      }
    },
  }
}
