import type { HttpContext } from '@adonisjs/core/http'
import { registerPrint } from '#audit'
import { renderComputedForm } from '#reporting'
import { deny, mayReadSubmission } from '../services/submission_access.js'
import { loadSubmission } from '../services/submission_store.js'

/**
 * PDF and Excel of a submitted version (SPEC §11: printed forms "and submissions" carry the verification): the
 * immutable snapshot exactly as submitted — never recomputed — through the export plugins, with its SHA-256 (the
 * submission's own hash), the latest signed audit checkpoint and a QR code of the public verification page,
 * which also says whether a newer version or a revision came after it. Each print is stored and audited.
 */
export default class SubmissionPrintsController {
  async download(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const submission = await loadSubmission(Number(ctx.params.id) || 0)
    if (!mayReadSubmission(user, submission))
      deny(user, { type: 'submission', id: submission.id }, submission.unitPath)
    const format = ctx.params.format === 'pdf' ? 'pdf' : 'xlsx'
    const form = submission.form
    const verification = await registerPrint({
      form,
      unitPath: submission.unitPath,
      format,
      actor: user,
      submission: { id: submission.id, snapshot: submission.snapshot },
    })
    const file = await renderComputedForm(
      user,
      form,
      format,
      ctx.i18n.locale,
      verification,
      `v${submission.version}`
    )
    ctx.response.header('content-type', file.mime)
    ctx.response.header('content-disposition', `attachment; filename="${file.fileName}"`)
    ctx.response.header('cache-control', 'no-store')
    return ctx.response.send(file.body)
  }
}
