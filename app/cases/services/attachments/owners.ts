/**
 * What an attachment hangs on, and who may read or add files there (SPEC §2):
 *   judgment / request — added by the intake clerks of its unit; read by the readers of the intake register
 *                        and by whoever may read a case made from it (the assigned officer);
 *   case               — added by the assigned officer (by the unit's intake clerks while it is a draft decision);
 *   case event         — added by the case's assigned officer;
 *   case and event files are read by whoever may read the case.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors as lucidErrors } from '@adonisjs/lucid'
import db from '@adonisjs/lucid/services/db'
import type { Role, User } from '#accounts'
import { AccessDenied } from '#core'
import Case from '../../models/case.js'
import CaseEvent from '../../models/case_event.js'
import Judgment from '../../models/judgment.js'
import EnforcementRequest from '../../models/enforcement_request.js'
import type { OwnerType } from '../../models/attachment.js'
import { canReadCase, canReadIntake, canRecord, isClerkOf } from '../access.js'

/** URL segments of the owners (`/attachments/cases/7`) → owner types. */
export const OWNER_SEGMENTS: Record<string, OwnerType> = {
  judgments: 'judgment',
  requests: 'request',
  cases: 'case',
  events: 'case_event',
}

/**
 * An owner kept by another module (the warehouse's exhibits): it brings its own loading and access rules,
 * so the attachment rules (file checks, storage, audit, downloads) stay in one place.
 */
export interface ExternalOwner {
  type: OwnerType
  segment: string
  /** Roles that may reach the download route at all (the owner's check decides each file). */
  roles: readonly Role[]
  load(
    id: number,
    trx?: TransactionClientContract
  ): Promise<{ unitId: number; unitPath: string } | null>
  canRead(user: User, owner: Owner, trx?: TransactionClientContract): Promise<boolean>
  uploadRefusal(user: User, owner: Owner, trx?: TransactionClientContract): Promise<string | null>
}
const external = new Map<string, ExternalOwner>()

export function registerAttachmentOwner(owner: ExternalOwner) {
  external.set(owner.type, owner)
  OWNER_SEGMENTS[owner.segment] = owner.type
}

/** Roles of the registered owners, for the download route's role pre-check. */
export function externalReaderRoles(): Role[] {
  return [...external.values()].flatMap((o) => [...o.roles])
}

export interface Owner {
  type: OwnerType
  id: number
  unitId: number
  unitPath: string
  /** The case for case and event owners. */
  case: Case | null
}

async function unitPath(unitId: number, trx?: TransactionClientContract): Promise<string> {
  const row = await (trx ?? db).from('units').where('id', unitId).select('path').first()
  return row?.path ?? ''
}

function notFound(): never {
  throw new lucidErrors.E_ROW_NOT_FOUND()
}

/** Loads the owner or answers 404. */
export async function loadOwner(
  type: OwnerType,
  id: number,
  trx?: TransactionClientContract
): Promise<Owner> {
  const client = trx ? { client: trx } : undefined
  const other = external.get(type)
  if (other) {
    const row = await other.load(id, trx)
    if (!row) notFound()
    return { type, id, unitId: row.unitId, unitPath: row.unitPath, case: null }
  }
  if (type === 'case' || type === 'case_event') {
    let caseId = id
    if (type === 'case_event') {
      const event = await CaseEvent.query(client).where('id', id).first()
      if (!event) notFound()
      caseId = event.caseId
    }
    const c = await Case.query(client).where('id', caseId).first()
    if (!c) notFound()
    return { type, id, unitId: c.unitId, unitPath: c.unitPath, case: c }
  }
  const row =
    type === 'judgment'
      ? await Judgment.query(client).where('id', id).first()
      : await EnforcementRequest.query(client).where('id', id).first()
  if (!row) notFound()
  return { type, id, unitId: row.unitId, unitPath: await unitPath(row.unitId, trx), case: null }
}

/** Reading an intake record through a case made from it (the officer of that case). */
async function readsThroughCase(user: User, owner: Owner, trx?: TransactionClientContract) {
  const column = owner.type === 'judgment' ? 'judgment_id' : 'request_id'
  const cases = await Case.query(trx ? { client: trx } : undefined)
    .where(column, owner.id)
    .select('id', 'unit_id', 'unit_path', 'officer_id')
  return cases.some((c) => canReadCase(user, c))
}

export async function canReadOwner(
  user: User,
  owner: Owner,
  trx?: TransactionClientContract
): Promise<boolean> {
  const other = external.get(owner.type)
  if (other) return other.canRead(user, owner, trx)
  if (owner.case) return canReadCase(user, owner.case)
  if (canReadIntake(user, { id: owner.unitId, path: owner.unitPath })) return true
  return readsThroughCase(user, owner, trx)
}

/** The refusal reason when `user` may not add a file to `owner`, else null. */
export async function uploadRefusal(
  user: User,
  owner: Owner,
  trx?: TransactionClientContract
): Promise<string | null> {
  const other = external.get(owner.type)
  if (other) return other.uploadRefusal(user, owner, trx)
  if (!owner.case) {
    if (isClerkOf(user, owner.unitId)) return null
    return (await canReadOwner(user, owner, trx)) ? 'intake_only' : 'outside_jurisdiction'
  }
  const c = owner.case
  if (owner.type === 'case' && c.draftStatus !== 'approved' && isClerkOf(user, c.unitId))
    return null
  if (canRecord(user, c)) return null
  if (!canReadCase(user, c)) return 'outside_jurisdiction'
  return c.draftStatus === 'approved' ? 'not_assigned' : 'intake_only'
}

export async function assertCanUpload(user: User, owner: Owner, trx?: TransactionClientContract) {
  const reason = await uploadRefusal(user, owner, trx)
  if (reason) throw new AccessDenied(reason, { type: owner.type, id: owner.id })
}

export async function assertCanReadOwner(
  user: User,
  owner: Owner,
  trx?: TransactionClientContract
) {
  if (!(await canReadOwner(user, owner, trx)))
    throw new AccessDenied('outside_jurisdiction', { type: owner.type, id: owner.id })
}
