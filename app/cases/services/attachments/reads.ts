/** Reading attachments: lists for the pages and the API, and the authorized, audited download. */
import { errors as lucidErrors } from '@adonisjs/lucid'
import { User } from '#accounts'
import { AccessDenied } from '#core'
import { recordAudit } from '#audit'
import Attachment, { type OwnerType } from '../../models/attachment.js'
import type Case from '../../models/case.js'
import { assertCanReadOwner, canReadOwner, loadOwner, uploadRefusal } from './owners.js'
import { attachmentDisk } from './storage.js'

export function attachmentJson(a: Attachment) {
  return {
    id: a.id,
    owner_type: a.ownerType,
    owner_id: a.ownerId,
    case_id: a.caseId,
    name: a.originalName,
    mime: a.mime,
    size: a.size,
    sha256: a.sha256,
    uploaded_by_id: a.uploadedById,
    uploaded_at: a.uploadedAt.toISO(),
    download_url: `/api/v1/attachments/${a.id}/download`,
  }
}

/** Uploader names for a list of attachments. */
export async function uploaderNames(list: Attachment[]): Promise<Record<number, string>> {
  const ids = [...new Set(list.map((a) => a.uploadedById))]
  if (!ids.length) return {}
  const people = await User.query().whereIn('id', ids).select('id', 'full_name')
  return Object.fromEntries(people.map((p) => [p.id, p.fullName]))
}

/** Files of one owner, after the read check (403 audited outside reach). */
export async function attachmentsOf(user: User, type: OwnerType, id: number) {
  const owner = await loadOwner(type, id)
  await assertCanReadOwner(user, owner)
  const files = await Attachment.query()
    .where('owner_type', type)
    .where('owner_id', id)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
  return { owner, files, canUpload: (await uploadRefusal(user, owner)) === null }
}

/**
 * Everything the case page shows: the case's and its events' files, plus those of the judgment and request
 * it was made from (the case's readers may read those through it). The caller has already checked the case.
 */
export async function casePanel(user: User, c: Case) {
  const files = await Attachment.query()
    .where((w) => {
      w.where('case_id', c.id)
      if (c.judgmentId)
        w.orWhere((j) => j.where('owner_type', 'judgment').where('owner_id', c.judgmentId!))
      if (c.requestId)
        w.orWhere((r) => r.where('owner_type', 'request').where('owner_id', c.requestId!))
    })
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
  const owner = await loadOwner('case', c.id)
  return {
    files,
    names: await uploaderNames(files),
    canUpload: (await uploadRefusal(user, owner)) === null,
  }
}

/**
 * Opens a file for download: 404 when missing, 403 (audited by the exception handler) when the user may not
 * read its owner, and an `attachment.downloaded` audit event when it is served.
 */
export async function openForDownload(user: User, id: number) {
  const attachment = await Attachment.find(id)
  if (!attachment) throw new lucidErrors.E_ROW_NOT_FOUND()
  const owner = await loadOwner(attachment.ownerType, attachment.ownerId)
  if (!(await canReadOwner(user, owner)))
    throw new AccessDenied('outside_jurisdiction', { type: 'attachment', id: attachment.id })
  const stream = await attachmentDisk().getStream(attachment.storageKey)
  await recordAudit({
    actor: user,
    unit: { id: attachment.unitId, path: attachment.unitPath },
    action: 'attachment.downloaded',
    subjectType: 'attachment',
    subjectId: attachment.id,
    after: {
      name: attachment.originalName,
      ownerType: attachment.ownerType,
      ownerId: attachment.ownerId,
    },
  })
  return { attachment, stream }
}
