/**
 * The export contract, a refinement of `ExportPluginDefinition` (plugin/types.ts): besides `render(form)` for a
 * computed form, an export may write a long list (list report or drill-down) page by page into a file with
 * `renderList`, so nothing bigger than a page is ever held in memory. Write the plugin with `defineExport`.
 */
import type {
  ComputedForm,
  ExportPluginDefinition,
  Localized,
  Period,
  UnitRef,
} from '../plugin/types.js'

export type ExportFormat = 'xlsx' | 'pdf' | 'csv'
export const EXPORT_FORMATS: ExportFormat[] = ['xlsx', 'pdf', 'csv']

export type Translate = (key: string, data?: Record<string, unknown>) => string

/** A node of a multi-level header: a column (by its official number) or a group over its children. */
export type HeaderNode =
  { col: number; label?: Localized } | { label: Localized; children: HeaderNode[] }

export interface ExportRenderOptions {
  locale: 'vi' | 'en'
  /** Texts of resources/lang/<locale>/exports.json (keys without the `exports.` prefix are not accepted). */
  t: Translate
  /** 1000 when the form shows money in thousands of VND (form 07); computing stays in VND. */
  divisor: number
  /** The official multi-level header of the form, or null for a flat one. */
  headerGroups: HeaderNode[] | null
  /** The unit the report is sent to (the parent of the reporting unit), or null at the national level. */
  recipient: string | null
  /** The full name of the person who exported (Người lập biểu). */
  preparedBy: string | null
  /** The day of the export (ISO, Vietnam time). */
  issuedOn: string
  /**
   * Printed forms (PDF, Excel) carry the hash of the stored snapshot, the latest signed audit checkpoint and a QR
   * code of the public verification page (SPEC §11); absent for other formats.
   */
  verification?: { hash: string; checkpoint: string | null; url: string; qrPng: Buffer } | null
}

export interface ListColumn {
  key: string
  label: Localized
  unit: 'cases' | 'vnd' | 'percent'
  format?: 'status' | 'kind' | 'date' | 'bool' | 'text'
}

/** A list to export: columns, the number of rows, and the rows page by page (already authorized and scoped). */
export interface ListExport {
  form: { id: string; version: string; title: Localized; legalBasis: string | null }
  /** What the list is, e.g. "Column (3) Newly accepted · Row Total" for a drill-down. */
  subtitle: Localized | null
  unit: Pick<UnitRef, 'id' | 'code' | 'name' | 'level'>
  period: Period
  columns: ListColumn[]
  total: number
  pages(): AsyncIterable<Record<string, unknown>[]>
}

export interface ListRenderOptions extends ExportRenderOptions {
  /** Path of the file to write (the host moves it to the private drive disk afterwards). */
  output: string
  /** Called with the number of rows written so far. */
  onProgress(rowsWritten: number): void | Promise<void>
}

export interface ExportPlugin extends ExportPluginDefinition {
  formats: ExportFormat[]
  render(form: ComputedForm, options: ExportRenderOptions): Promise<Buffer | string>
  renderList?(list: ListExport, options: ListRenderOptions): Promise<void>
}
