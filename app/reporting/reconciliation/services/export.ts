/**
 * The comparison as a computed "form" for the export plugins (xlsx-official, pdf-official): one row per unit plus
 * the total, three columns (traditional, software, difference) per indicator of the chosen form. Money is already
 * in thousands of VND here, so the divisor is 1.
 */
import { today } from '#core'
import type { User } from '#accounts'
import type { ComputedForm } from '../../plugin/types.js'
import type { ExportFormat } from '../../exports/types.js'
import { requireExporter, translator, exportLocale } from '../../exports/services/exporters.js'
import { exportFileName, MIME } from '../../exports/services/document.js'
import { INDICATOR_COLUMNS, type FormCode } from '../indicators.js'
import type { Comparison, ComparisonRow } from './compare.js'

const LABELS: Record<string, { vi: string; en: string }> = {
  c1: { vi: 'Tổng số thụ lý', en: 'Total accepted' },
  c3: { vi: 'Thụ lý mới', en: 'Newly accepted' },
  c4: { vi: 'Ủy thác', en: 'Delegated out' },
  c6: { vi: 'Tổng số phải thi hành', en: 'Total to enforce' },
  c8: { vi: 'Thi hành xong', en: 'Completed' },
  c14: { vi: 'Chưa có điều kiện', en: 'Without conditions' },
}
const SIDES = [
  { key: 't', vi: 'truyền thống', en: 'paper' },
  { key: 's', vi: 'phần mềm', en: 'software' },
  { key: 'd', vi: 'chênh lệch', en: 'difference' },
] as const

export function comparisonAsForm(comparison: Comparison, form: FormCode): ComputedForm {
  const columns = INDICATOR_COLUMNS.flatMap((c, i) =>
    SIDES.map((side, j) => ({
      key: `${c}_${side.key}`,
      no: i * 3 + j + 1,
      unit: (form === '07' ? 'vnd' : 'cases') as any,
      label: {
        vi: `(${c.slice(1)}) ${LABELS[c].vi} — ${side.vi}`,
        en: `(${c.slice(1)}) ${LABELS[c].en} — ${side.en}`,
      },
    }))
  )
  const toRow = (row: ComparisonRow) => {
    const values: Record<string, number | null> = {}
    for (const c of INDICATOR_COLUMNS) {
      const k = `f${form}_${c}` as const
      values[`${c}_t`] = row.traditional ? row.traditional[k] : null
      values[`${c}_s`] = row.software[k]
      values[`${c}_d`] = row.diff ? row.diff[k] : null
    }
    return {
      key: row.key,
      kind: row.kind === 'total' ? ('total' as const) : ('unit' as const),
      label: { vi: row.name, en: row.name },
      unitCode: row.code ?? undefined,
      values,
    }
  }
  return {
    form: {
      id: `reconciliation-${form}`,
      version: '1.0.0',
      title: {
        vi: `Đối chiếu số liệu báo cáo thống kê truyền thống với phần mềm — Biểu ${form}/TK-THA`,
        en: `Paper statistical report vs software — form ${form}/TK-THA`,
      },
      legalBasis: 'Công văn 2352/TCTHADS-TKDLCT',
      source: 'custom',
    },
    unit: {
      id: comparison.unit.id,
      code: comparison.unit.code,
      name: comparison.unit.name,
      level: comparison.unit.level,
    },
    period: { year: comparison.year, n: comparison.period, ...comparison.range },
    layout: 'custom',
    officerId: null,
    columns,
    rows: [...comparison.rows.map(toRow), toRow(comparison.total)],
    rules: [],
    computedAt: comparison.computedAt,
  }
}

export async function exportComparison(
  user: User,
  comparison: Comparison,
  form: FormCode,
  format: ExportFormat,
  locale: string
) {
  const computed = comparisonAsForm(comparison, form)
  const body = await requireExporter(format).render(computed, {
    locale: exportLocale(locale),
    t: translator(locale),
    divisor: 1,
    headerGroups: null,
    recipient: null,
    preparedBy: user.fullName,
    issuedOn: today(),
  })
  return {
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    mime: MIME[format],
    fileName: exportFileName(computed.form.id, comparison.unit.code, computed.period, format),
  }
}
