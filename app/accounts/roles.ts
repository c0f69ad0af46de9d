/**
 * Roles of SPEC §2. A role's reach is the holder's unit subtree, except `officer` (assigned cases only,
 * enforced by the cases module) and `inspector` (national, read-only).
 */
export const ROLES = [
  'admin',
  'head',
  'officer',
  'intake_clerk',
  'statistician',
  'warehouse_keeper',
  'inspector',
] as const

export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Roles whose reach is the whole country whatever the holder's unit. */
export const NATIONAL_REACH_ROLES: readonly Role[] = ['inspector']

export const UNIT_LEVELS = [
  'national',
  'province',
  'district',
  'regional',
  'military_region',
  'military_central',
] as const

export type UnitLevel = (typeof UNIT_LEVELS)[number]

/** Levels that may sit under each level; the model does not assume a fixed depth. */
export const CHILD_LEVELS: Record<UnitLevel, UnitLevel[]> = {
  national: ['province'],
  province: ['district', 'regional'],
  district: [],
  regional: [],
  military_central: ['military_region'],
  military_region: [],
}
