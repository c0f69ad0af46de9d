/**
 * Photos and documents of an exhibit through the attachment rules of the cases module (file checks, private
 * storage, audited downloads): the warehouse only says who may read and add files on its items.
 */
import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { Attachment, registerAttachmentOwner, uploaderNames, type AttachmentOwner } from '#cases'
import { canReadExhibit, isCaseOfficer, isKeeperOf } from './access.js'

async function scopeOf(owner: AttachmentOwner, trx?: any) {
  const row = await (trx ?? db).from('exhibits').where('id', owner.id).select('case_id').first()
  return {
    id: owner.id,
    unitId: owner.unitId,
    unitPath: owner.unitPath,
    caseId: row?.case_id ? Number(row.case_id) : null,
  }
}

export function registerExhibitAttachments() {
  registerAttachmentOwner({
    type: 'exhibit',
    segment: 'exhibits',
    roles: ['warehouse_keeper'],
    async load(id, trx) {
      const row = await (trx ?? db)
        .from('exhibits')
        .where('id', id)
        .select('unit_id', 'unit_path')
        .first()
      return row ? { unitId: Number(row.unit_id), unitPath: row.unit_path } : null
    },
    async canRead(user, owner, trx) {
      return canReadExhibit(user, await scopeOf(owner, trx), trx)
    },
    async uploadRefusal(user, owner, trx) {
      const scope = await scopeOf(owner, trx)
      if (isKeeperOf(user, scope.unitId) || (await isCaseOfficer(user, scope.caseId, trx)))
        return null
      return (await canReadExhibit(user, scope, trx))
        ? 'warehouse_not_keeper'
        : 'outside_jurisdiction'
    },
  })
}

/** The item page's file panel. The caller has checked that the user reads the item. */
export async function exhibitFiles(
  user: User,
  e: { id: number; unitId: number; caseId: number | null }
) {
  const files = await Attachment.query()
    .where('owner_type', 'exhibit')
    .where('owner_id', e.id)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
  const canUpload = isKeeperOf(user, e.unitId) || (await isCaseOfficer(user, e.caseId))
  return { files, names: await uploaderNames(files), canUpload }
}
