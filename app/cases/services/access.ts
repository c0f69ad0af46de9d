/**
 * Who may read and act on cases (SPEC §2). Every read of cases goes through `visibleCases`; single-record
 * routes call `findReadableCase`, which answers 403 (audited) rather than pretending the case is missing.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { reachPrefix, type User } from '#accounts'
import { AccessDenied } from '#core'
import Case from '../models/case.js'

/** Roles that read the whole subtree of their unit. */
export const SUBTREE_READERS = ['admin', 'head', 'statistician'] as const

/** `unit_path` prefix as an index range: paths hold digits and `/`, and `0` follows `/`. */
export function subtreeRange(prefix: string): [string, string] {
  return [prefix, `${prefix.slice(0, -1)}0`]
}

/**
 * Cases the user may read: subtree (admin/head/statistician), assigned (officer), own unit (clerk), all
 * (inspector). The subtree is an index range on `unit_path` (a LIKE cannot use an index on SQLite), and a
 * single reach is one plain condition, so that the planner can use the list indexes.
 */
export function visibleCases(user: User, trx?: TransactionClientContract) {
  const query = Case.query(trx ? { client: trx } : undefined)
  if (user.hasRole('inspector')) return query
  const prefix = reachPrefix(user, SUBTREE_READERS)
  if (prefix === '/') return query
  const branches: ((w: any) => void)[] = []
  if (prefix) {
    const [lo, hi] = subtreeRange(prefix)
    branches.push((w) => w.where('cases.unit_path', '>=', lo).where('cases.unit_path', '<', hi))
  }
  if (user.hasRole('officer')) branches.push((w) => w.where('cases.officer_id', user.id))
  if (user.hasRole('intake_clerk')) branches.push((w) => w.where('cases.unit_id', user.unitId))
  if (branches.length === 0) return query.whereRaw('1 = 0')
  if (branches.length === 1) return query.where((w) => branches[0](w))
  return query.where((w) => {
    for (const b of branches) w.orWhere((x: any) => b(x))
  })
}

export function canReadCase(
  user: User,
  c: Pick<Case, 'unitId' | 'unitPath' | 'officerId'>
): boolean {
  if (user.hasRole('inspector')) return true
  const prefix = reachPrefix(user, SUBTREE_READERS)
  if (prefix && c.unitPath.startsWith(prefix)) return true
  if (user.hasRole('officer') && c.officerId === user.id) return true
  return user.hasRole('intake_clerk') && c.unitId === user.unitId
}

/** Events and money are recorded by the officer the case is assigned to (SPEC §2). */
export function canRecord(user: User, c: Pick<Case, 'officerId' | 'draftStatus'>): boolean {
  return c.draftStatus === 'approved' && user.hasRole('officer') && c.officerId === user.id
}

/** Decisions are approved, and officers assigned, by the head of the case's own unit. */
export function isHeadOf(user: User, unitId: number): boolean {
  return user.hasRole('head') && user.unitId === unitId
}

/** Intake acts (judgments, requests, draft decisions) belong to the intake clerks of the unit. */
export function isClerkOf(user: User, unitId: number): boolean {
  return user.hasRole('intake_clerk') && user.unitId === unitId
}

export function assertCanRecord(user: User, c: Case): void {
  if (!canReadCase(user, c))
    throw new AccessDenied('outside_jurisdiction', { type: 'case', id: c.id })
  if (!canRecord(user, c)) throw new AccessDenied('not_assigned', { type: 'case', id: c.id })
}

/** Loads a case the user may read: 404 when it does not exist, 403 (audited) when it is out of reach. */
export async function findReadableCase(
  user: User,
  id: number | string,
  trx?: TransactionClientContract
): Promise<Case> {
  const found = await Case.query(trx ? { client: trx } : undefined)
    .where('id', Number(id) || 0)
    .firstOrFail()
  if (!canReadCase(user, found))
    throw new AccessDenied('outside_jurisdiction', { type: 'case', id: found.id })
  return found
}

/**
 * Intake registers (judgments, requests): clerks see their unit, admin/head/statistician their subtree,
 * inspectors everything. `unitColumn` is the table's unit id column.
 */
export function scopeIntake<
  Q extends {
    where: any
    whereIn: any
    whereRaw: any
    orWhere: any
    orWhereIn: any
    orWhereRaw: any
  },
>(query: Q, user: User, unitColumn: string): Q {
  if (user.hasRole('inspector')) return query
  const prefix = reachPrefix(user, SUBTREE_READERS)
  query.where((w: any) => {
    w.whereRaw('1 = 0')
    if (prefix === '/') w.orWhereRaw('1 = 1')
    else if (prefix)
      w.orWhereIn(unitColumn, (sub: any) =>
        sub.from('units').select('id').where('path', 'like', `${prefix}%`)
      )
    if (user.hasRole('intake_clerk')) w.orWhere(unitColumn, user.unitId)
  })
  return query
}

export function canReadIntake(user: User, unit: { id: number; path: string }): boolean {
  if (user.hasRole('inspector')) return true
  const prefix = reachPrefix(user, SUBTREE_READERS)
  if (prefix && unit.path.startsWith(prefix)) return true
  return user.hasRole('intake_clerk') && user.unitId === unit.id
}
