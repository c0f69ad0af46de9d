import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import Judgment from '../models/judgment.js'
import CaseEvent from '../models/case_event.js'
import EnforcementRequest from '../models/enforcement_request.js'
import type { OwnerType } from '../models/attachment.js'
import { UploadAttachment, type IncomingFile } from '../actions/upload_attachment.js'
import { OWNER_SEGMENTS, externalReaderRoles } from '../services/attachments/owners.js'
import { attachmentsOf, openForDownload, uploaderNames } from '../services/attachments/reads.js'
import { contentDisposition, uploadMaxMb } from '../services/attachments/storage.js'
import { ALLOWED_EXTENSIONS } from '../services/file_types.js'
import { requestDeadline } from '../services/dates.js'
import { CASE_READERS, INTAKE_READERS, requireAnyRole } from './helpers.js'

export function ownerTypeOf(segment: string): OwnerType {
  const type = OWNER_SEGMENTS[segment]
  if (!type) throw new lucidErrors.E_ROW_NOT_FOUND()
  return type
}

/** The case page's form names the case in the URL and, optionally, one of its events in `event_id`. */
export async function ownerOfForm(ctx: HttpContext): Promise<{ type: OwnerType; id: number }> {
  const type = ownerTypeOf(ctx.params.owner)
  const id = Number(ctx.params.id)
  const eventId = Number(ctx.request.input('event_id')) || 0
  if (type !== 'case' || !eventId) return { type, id }
  const event = await CaseEvent.query().where('id', eventId).where('case_id', id).first()
  if (!event) throw new lucidErrors.E_ROW_NOT_FOUND()
  return { type: 'case_event', id: event.id }
}

export function incomingFile(ctx: HttpContext): IncomingFile | null {
  const file = ctx.request.file('file')
  if (!file) return null
  return { clientName: file.clientName, size: file.size, tmpPath: file.tmpPath ?? null }
}

/** Sends a stored file: attachment disposition with the original name, never sniffed by the browser. */
export async function sendFile(ctx: HttpContext, id: number) {
  const user = ctx.auth.getUserOrFail()
  requireAnyRole(user, [...CASE_READERS, ...externalReaderRoles()] as any, 'attachment')
  const { attachment, stream } = await openForDownload(user, id)
  ctx.response.header('Content-Type', attachment.mime)
  ctx.response.header('Content-Length', String(attachment.size))
  ctx.response.header('Content-Disposition', contentDisposition(attachment.originalName))
  ctx.response.header('X-Content-Type-Options', 'nosniff')
  ctx.response.header('Cache-Control', 'private, no-store')
  ctx.response.header('Content-Security-Policy', "default-src 'none'; sandbox")
  return ctx.response.stream(stream)
}

/** Upload form posts, downloads, and the judgment / request pages that list their files. */
export default class AttachmentsController {
  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const { type, id } = await ownerOfForm(ctx)
    const saved = await new UploadAttachment().handle(user, type, id, incomingFile(ctx))
    ctx.session.flash('success', ctx.i18n.t('attachments.uploaded', { name: saved.originalName }))
    return ctx.response.redirect().back()
  }

  async download(ctx: HttpContext) {
    return sendFile(ctx, Number(ctx.params.id))
  }

  async judgment(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'judgment')
    const { owner, files, canUpload } = await attachmentsOf(user, 'judgment', Number(ctx.params.id))
    const judgment = await Judgment.findOrFail(owner.id)
    return ctx.view.render('cases/attachments/judgment', {
      judgment,
      files,
      names: await uploaderNames(files),
      canUpload,
      ...this.limits(),
      canList: user.hasRole(...INTAKE_READERS),
    })
  }

  async request(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'request')
    const { owner, files, canUpload } = await attachmentsOf(user, 'request', Number(ctx.params.id))
    const request = await EnforcementRequest.query()
      .where('id', owner.id)
      .preload('judgment')
      .firstOrFail()
    return ctx.view.render('cases/attachments/request', {
      request,
      deadline: await requestDeadline(request.receivedOn),
      files,
      names: await uploaderNames(files),
      canUpload,
      ...this.limits(),
      canList: user.hasRole(...INTAKE_READERS),
    })
  }

  private limits() {
    return { maxMb: uploadMaxMb(), accept: ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',') }
  }
}
