/**
 * Renders an already computed form — a submission's immutable snapshot — through the export plugins (PDF,
 * Excel), exactly as a live form is rendered, with the print verification (hash, checkpoint, QR) it carries.
 * Nothing is recomputed: the caller authorized the reader and hands the stored form.
 */
import type { User } from '#accounts'
import { RuleViolation } from '#core'
import type { PrintVerification } from '#audit'
import type { ComputedForm } from '../../plugin/types.js'
import { formPlugin } from '../../plugin/loader.js'
import type { ExportFormat } from '../types.js'
import { exportFileName, MIME } from './document.js'
import { renderOptions, requireExporter } from './exporters.js'

export async function renderComputedForm(
  user: User,
  form: ComputedForm,
  format: Extract<ExportFormat, 'pdf' | 'xlsx'>,
  locale: string,
  verification: PrintVerification,
  suffix = ''
): Promise<{ body: Buffer; fileName: string; mime: string }> {
  const plugin = formPlugin(form.form.id)
  if (!plugin) throw new RuleViolation('reporting.unknown_form', { form: form.form.id })
  const exporter = requireExporter(format)
  const body = await exporter.render(form, {
    ...(await renderOptions(user, form.unit.id, form.form.id, plugin.definition, locale)),
    verification,
  })
  return {
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    fileName: exportFileName(form.form.id, form.unit.code, form.period, format, suffix),
    mime: MIME[format],
  }
}
