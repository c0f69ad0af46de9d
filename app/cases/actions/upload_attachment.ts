import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { DateTime } from 'luxon'
import type { User } from '#accounts'
import { RuleViolation } from '#core'
import { recordAudit } from '#audit'
import Attachment, { type OwnerType } from '../models/attachment.js'
import { writeTransaction, today } from '../services/dates.js'
import { loadOwner, assertCanUpload } from '../services/attachments/owners.js'
import { ALLOWED_EXTENSIONS, MIME_OF, kindOfExtension, sniff } from '../services/file_types.js'
import {
  attachmentDisk,
  cleanFileName,
  newStorageKey,
  uploadMaxBytes,
  uploadMaxMb,
} from '../services/attachments/storage.js'

/** The uploaded file as the body parser left it in the temporary directory. */
export interface IncomingFile {
  clientName: string
  size: number
  tmpPath?: string | null
}

const ACCEPTED = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(', ')

/** Refuses what must not be stored: no file, a wrong extension, empty, too big, content ≠ extension. */
async function checkedBytes(file: IncomingFile | null) {
  if (!file || !file.tmpPath) throw new RuleViolation('attachments.errors.missing')
  const name = cleanFileName(file.clientName)
  const ext = extname(name).slice(1).toLowerCase()
  const kind = kindOfExtension(ext)
  if (!kind)
    throw new RuleViolation('attachments.errors.extension', { ext: ext || '—', accepted: ACCEPTED })
  if (file.size === 0) throw new RuleViolation('attachments.errors.empty', { name })
  if (file.size > uploadMaxBytes())
    throw new RuleViolation('attachments.errors.too_large', { name, max: uploadMaxMb() })
  const bytes = await readFile(file.tmpPath)
  if (bytes.length === 0) throw new RuleViolation('attachments.errors.empty', { name })
  const actual = sniff(bytes)
  if (!actual) throw new RuleViolation('attachments.errors.content_unknown', { name, ext })
  if (actual !== kind)
    throw new RuleViolation('attachments.errors.content_mismatch', { name, ext, actual })
  return { name, ext, kind, bytes }
}

/**
 * Use case: attach a file to a judgment, request, case or case event. Authorizes first (who may write the
 * owner), checks the file by extension AND content, then in one transaction stores the bytes on the private
 * disk, writes the row and the audit event; a failed commit removes the stored bytes.
 */
export class UploadAttachment {
  async handle(
    actor: User,
    ownerType: OwnerType,
    ownerId: number,
    file: IncomingFile | null
  ): Promise<Attachment> {
    let storedKey: string | null = null
    try {
      return await writeTransaction(async (trx) => {
        const owner = await loadOwner(ownerType, ownerId, trx)
        await assertCanUpload(actor, owner, trx)
        const checked = await checkedBytes(file)
        const key = newStorageKey(today().slice(0, 4))
        const attachment = await Attachment.create(
          {
            ownerType,
            ownerId,
            caseId: owner.case?.id ?? null,
            unitId: owner.unitId,
            unitPath: owner.unitPath,
            originalName: checked.name,
            extension: checked.ext,
            mime: MIME_OF[checked.kind],
            size: checked.bytes.length,
            sha256: createHash('sha256').update(checked.bytes).digest('hex'),
            storageKey: key,
            uploadedById: actor.id,
            uploadedAt: DateTime.utc(),
          },
          { client: trx }
        )
        await recordAudit(
          {
            actor,
            unit: { id: owner.unitId, path: owner.unitPath },
            action: 'attachment.uploaded',
            subjectType: ownerType,
            subjectId: ownerId,
            after: {
              attachmentId: attachment.id,
              name: attachment.originalName,
              mime: attachment.mime,
              size: attachment.size,
              sha256: attachment.sha256,
              caseId: attachment.caseId,
            },
          },
          trx
        )
        await attachmentDisk().put(key, checked.bytes, { contentType: attachment.mime })
        storedKey = key
        return attachment
      })
    } catch (error) {
      if (storedKey)
        await attachmentDisk()
          .delete(storedKey)
          .catch(() => {})
      throw error
    }
  }
}
