/**
 * PDF in the official look: a handlebars template (templates/form.hbs, escaped by default) turned into an A4
 * landscape PDF by the host's shared Chromium. The text uses locally installed fonts ('Noto Serif',
 * 'DejaVu Serif'), which carry every Vietnamese diacritic; the page loads nothing from the network.
 */
import { readFileSync } from 'node:fs'
import Handlebars from 'handlebars'
import {
  cellText,
  defineExport,
  formTitle,
  headerGrid,
  headerRows,
  htmlToPdf,
  lang,
  measureLine,
  periodLine,
  signedOn,
} from '#reporting'

const hbs = Handlebars.create()
const template = hbs.compile(
  readFileSync(new URL('./templates/form.hbs', import.meta.url), 'utf8'),
  { strict: false }
)

const FOOTER = (text: string) =>
  `<div style="font-family:'Noto Serif','DejaVu Serif',serif;font-size:7pt;width:100%;padding:0 10mm;display:flex;justify-content:space-between">` +
  `<span>${hbs.escapeExpression(text)}</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`

export default defineExport({
  formats: ['pdf'],
  render: async (form, options) => {
    const { t, locale, divisor } = options
    const title = formTitle(form.form.title, locale)
    const grid = headerGrid(
      form.columns,
      options.headerGroups,
      locale,
      t(form.layout === 'officer' ? 'exports.row_officer' : 'exports.row_unit')
    )
    const byNo = new Map(form.columns.map((c) => [c.no, c]))
    const columns = grid.order.map((no) => byNo.get(no)!)
    const html = template({
      locale,
      title: lang(form.form.title, locale),
      formNo: title.formNo ? t('exports.form_no', { no: title.formNo }) : null,
      legalBasis: form.form.legalBasis
        ? t('exports.legal_basis', { basis: form.form.legalBasis })
        : null,
      titleUpper: title.name.toLocaleUpperCase(locale === 'en' ? 'en' : 'vi'),
      periodLine: periodLine(form.period, t),
      reportingUnit: t('exports.reporting_unit', { name: form.unit.name }),
      recipient: options.recipient
        ? t('exports.recipient_unit', { name: options.recipient })
        : null,
      measure: measureLine(form, divisor, t),
      labelWidth: columns.length > 14 ? 11 : columns.length > 10 ? 14 : 30,
      dense: columns.length > 12,
      headerRows: headerRows(grid),
      columns,
      rows: form.rows.map((r) => ({
        label: lang(r.label, locale),
        total: r.kind === 'total',
        // Wide forms: a figure may wrap after a thousands separator (zero-width space) instead of spilling over.
        cells: columns.map((c) => {
          const text = cellText(c, r.values[c.key], divisor, locale)
          const safe = hbs.escapeExpression(String(text ?? ''))
          return columns.length > 12 ? safe.replace(/([.,])(?=\d{3})/g, '$1<wbr>') : safe
        }),
      })),
      preparer: t('exports.preparer'),
      preparerHint: t('exports.preparer_hint'),
      preparedBy: options.preparedBy,
      signedOn: signedOn(options.issuedOn, t),
      head: t('exports.head'),
      headHint: t('exports.head_hint'),
      verification: options.verification
        ? {
            qr: `data:image/png;base64,${options.verification.qrPng.toString('base64')}`,
            hash: t('exports.verification_hash', { hash: options.verification.hash }),
            checkpoint: options.verification.checkpoint
              ? t('exports.verification_checkpoint', {
                  checkpoint: options.verification.checkpoint,
                })
              : t('exports.verification_no_checkpoint'),
            hint: t('exports.verification_hint'),
            url: options.verification.url,
          }
        : null,
    })
    const footer = `${title.formNo ?? form.form.id} · ${form.unit.code} · ${periodLine(form.period, t)}`
    return htmlToPdf(html, { landscape: true, footer: FOOTER(footer) })
  },
})
