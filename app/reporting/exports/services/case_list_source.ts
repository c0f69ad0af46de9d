/**
 * The filtered case list (`/cases` with its filters and sort, issue 11) as a `ListExport`: the rows are read
 * through `listCasePage` of #cases — the very function the page uses, so the scope (visibleCases), the filters,
 * the order and the name/number search are the page's — following its keyset cursor (`after`) page by page,
 * with no OFFSET and no count per page (the first page's bounded total drives the progress bar).
 */
import { AccessDenied, today } from '#core'
import { Unit, type User } from '#accounts'
import { CASE_READERS, caseFilterValidator, listCasePage, type CaseFilters } from '#cases'
import type { Localized } from '../../plugin/types.js'
import type { ExportRenderOptions, ListColumn, ListExport } from '../types.js'
import { exportLocale, translator } from './exporters.js'

/** The pseudo form id of a case-list export job (export_jobs.form) and its target (export_jobs.target). */
export const CASE_LIST_FORM = 'case-list'
export const CASE_LIST_TARGET = 'cases' as const
export const CASE_LIST_TITLE: Localized = {
  vi: 'Danh sách việc thi hành án',
  en: 'Enforcement cases',
}

/** Filter keys kept with a job (the list's own; cursors and page numbers are not). */
const KEPT = ['q', 'status', 'officer_id', 'kind', 'origin', 'from', 'to', 'credit', 'sort', 'dir']

const L = (vi: string, en: string): Localized => ({ vi, en })

export const CASE_LIST_COLUMNS: ListColumn[] = [
  { key: 'number', unit: 'cases', format: 'text', label: L('Số quyết định', 'Decision number') },
  {
    key: 'decision_date',
    unit: 'cases',
    format: 'date',
    label: L('Ngày ra quyết định', 'Decided on'),
  },
  {
    key: 'debtor_name',
    unit: 'cases',
    format: 'text',
    label: L('Người phải thi hành án', 'Debtor'),
  },
  { key: 'unit', unit: 'cases', format: 'text', label: L('Đơn vị', 'Unit') },
  { key: 'officer', unit: 'cases', format: 'text', label: L('Chấp hành viên', 'Officer') },
  { key: 'status', unit: 'cases', format: 'text', label: L('Trạng thái', 'Status') },
  { key: 'remaining', unit: 'vnd', label: L('Còn phải thi hành (đồng)', 'Remaining (VND)') },
  { key: 'held', unit: 'vnd', label: L('Đang tạm giữ (đồng)', 'Held (VND)') },
]

/** Who may export the case list: whoever may read it (a warehouse keeper may not: 403, audited). */
export function authorizeCaseListExport(user: User) {
  if (!user.hasRole(...CASE_READERS)) throw new AccessDenied('forbidden', { type: 'case_list' })
}

/** The list's filters as kept with a job (JSON), validated again when the job runs. */
export function keptFilters(input: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const k of KEPT) {
    const v = input[k]
    if (v !== undefined && v !== null && v !== '') kept[k] = String(v)
  }
  return kept
}

export async function parseFilters(params: string | null): Promise<CaseFilters> {
  const raw = params ? (JSON.parse(params) as Record<string, string>) : {}
  return caseFilterValidator.validate(keptFilters(raw))
}

const iso = (v: any): string | null =>
  v && typeof v === 'object' && 'toISODate' in v ? v.toISODate() : v ? String(v).slice(0, 10) : null

export async function caseListSource(
  user: User,
  filters: CaseFilters,
  locale: string,
  pageSize = 1000
): Promise<ListExport> {
  authorizeCaseListExport(user)
  const t = translator(locale)
  const base = { ...filters, page: undefined, after: undefined, before: undefined }
  const first = await listCasePage(user, { ...base, per_page: pageSize })
  const unit = await Unit.findOrFail(user.unitId)
  const day = today()
  const toRow = (c: any) => ({
    number: c.number,
    decision_date: iso(c.decisionDate),
    debtor_name: c.debtorName,
    unit: c.unit?.name ?? null,
    officer: c.officer ? c.officer.fullName : t('cases.list.unassigned'),
    status: t(`cases.status.${c.status}`),
    remaining: Number(c.remaining ?? 0),
    held: Number(c.held ?? 0),
  })
  return {
    form: { id: CASE_LIST_FORM, version: '1', title: CASE_LIST_TITLE, legalBasis: null },
    subtitle: null,
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    period: { year: Number(day.slice(0, 4)), n: Number(day.slice(5, 7)), start: day, end: day },
    columns: CASE_LIST_COLUMNS,
    // A capped total (more than 10,000) is enough for the progress bar; the file holds every row.
    total: first.total,
    async *pages() {
      let page = first
      for (;;) {
        if (page.rows.length) yield page.rows.map(toRow)
        if (!page.next) return
        page = await listCasePage(user, { ...base, per_page: pageSize, after: page.next })
      }
    },
  }
}

/** Render options for the case list (no official header, no divisor, the reader's unit and parent). */
export async function caseListRenderOptions(
  user: User,
  unitId: number,
  locale: string
): Promise<ExportRenderOptions> {
  const unit = await Unit.find(unitId)
  const parent = unit?.parentId ? await Unit.find(unit.parentId) : null
  return {
    locale: exportLocale(locale),
    t: translator(locale),
    divisor: 1,
    headerGroups: null,
    recipient: parent?.name ?? null,
    preparedBy: user.fullName,
    issuedOn: today(),
  }
}
