/**
 * Who may read and act on the warehouse (SPEC §2, §6):
 *   keeper (thủ kho)  — registers items, proposes and executes orders, counts stock — own unit's warehouse only;
 *   head              — signs or refuses orders, approves stock-takes of its own unit; reads its subtree;
 *   officer           — reads the items of the cases assigned to it and proposes their movements;
 *   province staff    — (head, keeper, statistician, admin) read the districts below them;
 *   inspector         — reads nationally.
 * Refusals are `AccessDenied` (403, audited by the exception handler).
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import db from '@adonisjs/lucid/services/db'
import { reachPrefix, type User } from '#accounts'
import { AccessDenied } from '#core'

export const SUBTREE_READERS = [
  'head',
  'warehouse_keeper',
  'statistician',
  'admin',
  'inspector',
] as const
export const WAREHOUSE_ROLES = [...SUBTREE_READERS, 'officer'] as const

export interface ExhibitScope {
  id: number
  unitId: number
  unitPath: string
  caseId: number | null
}

export function isKeeperOf(user: User, unitId: number): boolean {
  return user.hasRole('warehouse_keeper') && user.unitId === unitId
}

export function isHeadOf(user: User, unitId: number): boolean {
  return user.hasRole('head') && user.unitId === unitId
}

/** Restricts an exhibits query (table alias `exhibits`) to what the user may read. */
export function scopeExhibits<Q extends DatabaseQueryBuilderContract<any> | any>(
  query: Q,
  user: User
): Q {
  const prefix = reachPrefix(user, SUBTREE_READERS)
  ;(query as any).where((w: any) => {
    w.whereRaw('1 = 0')
    if (prefix === '/') w.orWhereRaw('1 = 1')
    else if (prefix) w.orWhere('exhibits.unit_path', 'like', `${prefix}%`)
    if (user.hasRole('officer'))
      w.orWhereIn('exhibits.case_id', (s: any) =>
        s.from('cases').select('id').where('officer_id', user.id)
      )
  })
  return query
}

/** True when the officer is the one assigned to the item's case. */
export async function isCaseOfficer(
  user: User,
  caseId: number | null,
  trx?: TransactionClientContract
): Promise<boolean> {
  if (!caseId || !user.hasRole('officer')) return false
  const row = await (trx ?? db).from('cases').where('id', caseId).select('officer_id').first()
  return row !== null && row !== undefined && Number(row.officer_id) === user.id
}

export async function canReadExhibit(
  user: User,
  e: ExhibitScope,
  trx?: TransactionClientContract
): Promise<boolean> {
  const prefix = reachPrefix(user, SUBTREE_READERS)
  if (prefix && e.unitPath.startsWith(prefix)) return true
  return isCaseOfficer(user, e.caseId, trx)
}

export async function assertCanRead(user: User, e: ExhibitScope, trx?: TransactionClientContract) {
  if (!(await canReadExhibit(user, e, trx)))
    throw new AccessDenied('outside_jurisdiction', { type: 'exhibit', id: e.id })
}

/** Proposing an order: the unit's keeper, or the officer of the item's case. */
export async function assertCanPropose(
  user: User,
  e: ExhibitScope,
  trx?: TransactionClientContract
) {
  if (isKeeperOf(user, e.unitId)) return
  if (await isCaseOfficer(user, e.caseId, trx)) return
  await assertCanRead(user, e, trx)
  throw new AccessDenied('warehouse_not_proposer', { type: 'exhibit', id: e.id })
}

export function assertKeeper(user: User, unitId: number, subject: { type: string; id?: number }) {
  if (!isKeeperOf(user, unitId)) throw new AccessDenied('warehouse_not_keeper', subject)
}

export function assertHead(user: User, unitId: number, subject: { type: string; id?: number }) {
  if (!isHeadOf(user, unitId)) throw new AccessDenied('not_unit_head', subject)
}
