/**
 * The one place that answers "may this user do X on this unit": role AND jurisdiction.
 * Every list scopes its query through `scopeToReach`; every single-record route checks `reaches`.
 * Bouncer abilities (abilities.ts) are thin wrappers over these functions so that pages, the API,
 * commands and jobs share one rule.
 */
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { ModelQueryBuilderContract, LucidModel } from '@adonisjs/lucid/types/model'
import type User from './models/user.js'
import type Unit from './models/unit.js'
import { NATIONAL_REACH_ROLES, type Role } from './roles.js'

type AnyQuery = DatabaseQueryBuilderContract<any> | ModelQueryBuilderContract<LucidModel, any>

/** The unit-path prefix a user may act on with any of `roles`, or null when it holds none of them. */
export function reachPrefix(user: User, roles: readonly Role[]): string | null {
  const held = user.roleNames.filter((r) => roles.includes(r))
  if (held.length === 0) return null
  if (held.some((r) => NATIONAL_REACH_ROLES.includes(r))) return '/'
  return user.unit.path
}

/** True when the user holds one of `roles` and `unit` lies in that role's reach. */
export function reaches(user: User, unit: Pick<Unit, 'path'>, roles: readonly Role[]): boolean {
  const prefix = reachPrefix(user, roles)
  return prefix !== null && unit.path.startsWith(prefix)
}

/**
 * Restricts a query to rows whose unit path lies in the user's reach for `roles`;
 * a user without any of the roles gets an empty result, never everything.
 */
export function scopeToReach<Q extends AnyQuery>(
  query: Q,
  user: User,
  roles: readonly Role[],
  pathColumn = 'path'
): Q {
  const prefix = reachPrefix(user, roles)
  if (prefix === null) {
    ;(query as any).whereRaw('1 = 0')
  } else if (prefix !== '/') {
    ;(query as any).where(pathColumn, 'like', `${prefix}%`)
  }
  return query
}

/**
 * Which roles an admin may grant to an account placed in `targetUnit`: only inside the admin's subtree,
 * and never a reach wider than the admin's own (a national-reach role needs a national admin).
 */
export function grantableRoles(
  admin: User,
  targetUnit: Pick<Unit, 'path' | 'level'>,
  all: readonly Role[]
): Role[] {
  if (!reaches(admin, targetUnit, ['admin'])) return []
  const adminIsNational = admin.unit.level === 'national'
  return all.filter(
    (role) =>
      !NATIONAL_REACH_ROLES.includes(role) || (adminIsNational && targetUnit.level === 'national')
  )
}

/** An admin manages accounts (view, edit, reset, revoke) only for users placed inside its subtree. */
export function managesAccount(admin: User, target: User): boolean {
  return reaches(admin, target.unit, ['admin'])
}

/** Only the national level maintains the organisation tree. */
export function managesUnits(user: User): boolean {
  return user.hasRole('admin') && user.unit.level === 'national'
}
