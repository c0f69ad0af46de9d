/**
 * CSV for further processing: UTF-8 with a BOM (Excel reads Vietnamese correctly), RFC 4180, formula
 * injection neutralised — all by `toCsv` from #core. Values are exact: money in đồng (not thousands), ratios
 * with two decimals, an empty cell where a ratio is undefined. Lists are written page by page.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { toCsv } from '#core'
import { defineExport, lang, listCell } from '#reporting'

export default defineExport({
  formats: ['csv'],
  render: async (form, { locale, t }) => {
    const header = [
      t('exports.csv_row'),
      t('exports.csv_unit_code'),
      ...form.columns.map(
        (c) =>
          `(${c.no}) ${lang(c.label, locale)}${c.unit === 'vnd' ? ` (${t('exports.vnd')})` : ''}`
      ),
    ]
    const rows = form.rows.map((r) => [
      lang(r.label, locale),
      r.unitCode ?? '',
      ...form.columns.map((c) => r.values[c.key] ?? ''),
    ])
    return toCsv(header, rows)
  },
  renderList: async (list, { locale, t, output, onProgress }) => {
    const header = list.columns.map((c) => lang(c.label, locale))
    const prefix = toCsv(header, []).length
    const out = createWriteStream(output)
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain')
    }
    try {
      await write(toCsv(header, []))
      let written = 0
      for await (const page of list.pages()) {
        await write(
          toCsv(
            header,
            page.map((item) => list.columns.map((c) => listCell(c, item[c.key], t)))
          ).slice(prefix)
        )
        written += page.length
        await onProgress(written)
      }
    } finally {
      out.end()
      await once(out, 'close')
    }
  },
})
