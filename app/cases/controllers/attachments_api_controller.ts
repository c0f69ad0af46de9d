import type { HttpContext } from '@adonisjs/core/http'
import { UploadAttachment } from '../actions/upload_attachment.js'
import { attachmentJson, attachmentsOf } from '../services/attachments/reads.js'
import { CASE_READERS, requireAnyRole } from './helpers.js'
import { incomingFile, ownerOfForm, ownerTypeOf, sendFile } from './attachments_controller.js'

/** REST API v1 for attachments: multipart upload, list per owner, download (docs/api.md). */
export default class AttachmentsApiController {
  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const { type, id } = await ownerOfForm(ctx)
    const saved = await new UploadAttachment().handle(user, type, id, incomingFile(ctx))
    return ctx.response.created({ data: attachmentJson(saved) })
  }

  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'attachment')
    const { files } = await attachmentsOf(
      user,
      ownerTypeOf(ctx.params.owner),
      Number(ctx.params.id)
    )
    return { data: files.map(attachmentJson) }
  }

  async download(ctx: HttpContext) {
    return sendFile(ctx, Number(ctx.params.id))
  }
}
