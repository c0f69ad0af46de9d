/**
 * Who may do what with past-period edit requests and year closings (SPEC §2 table, §4). Each rule combines
 * role AND jurisdiction; controllers and actions share these functions.
 */
import type { User, Role } from '#accounts'
import { reaches } from '#accounts'
import type EditRequest from './models/edit_request.js'

/** Roles that may file a past-period edit request. */
export const FILER_ROLES: readonly Role[] = [
  'head',
  'officer',
  'intake_clerk',
  'statistician',
  'warehouse_keeper',
]
/** Roles whose reach over requests is their unit subtree (others see only the requests they filed). */
const SUBTREE_READERS: readonly Role[] = ['head', 'statistician']

export function isNational(user: User): boolean {
  return user.unit.level === 'national'
}

/**
 * Heads and statisticians file for their unit or any unit below it; officers, intake clerks and warehouse
 * keepers only for their own unit (their work is their unit's cases).
 */
export function mayFileFor(user: User, unit: { id: number; path: string }): boolean {
  if (reaches(user, unit, SUBTREE_READERS)) return true
  return user.hasRole(...FILER_ROLES) && user.unitId === unit.id
}

/** The unit's leader confirms: a head placed in the request's own unit. */
export function mayConfirm(user: User, request: Pick<EditRequest, 'unitId'>): boolean {
  return user.hasRole('head') && user.unitId === request.unitId
}

/** The national level approves: a head of the national unit. */
export function mayApprove(user: User): boolean {
  return user.hasRole('head') && isNational(user)
}

/** National staff close a statistical year: head or admin of the national unit. */
export function mayCloseYear(user: User): boolean {
  return user.hasRole('head', 'admin') && isNational(user)
}

/** Anyone who can file, confirm or oversee requests may open the list; admins alone may not. */
export function mayListRequests(user: User): boolean {
  return user.hasRole(...FILER_ROLES, 'inspector')
}

/**
 * The path prefix over which the user reads every request, or null when the user reads only its own:
 * national (head of the national unit, inspectors) → '/', heads and statisticians → their subtree.
 */
export function requestReadPrefix(user: User): string | null {
  if (user.hasRole('inspector') || mayApprove(user)) return '/'
  if (user.hasRole(...SUBTREE_READERS)) return user.unit.path
  return null
}

export function mayRead(
  user: User,
  request: Pick<EditRequest, 'unitPath' | 'requestedById'>
): boolean {
  if (request.requestedById === user.id) return true
  const prefix = requestReadPrefix(user)
  return prefix !== null && request.unitPath.startsWith(prefix)
}

/** The national admin maintains the holiday calendar (the Government publishes the days off each year). */
export function mayManageCalendar(user: User): boolean {
  return user.hasRole('admin') && isNational(user)
}
