/**
 * Public face of the accounts module: units, users, roles and the access rules every other module uses.
 */
export { default as User } from './models/user.js'
export { default as Unit } from './models/unit.js'
export { default as UnitName } from './models/unit_name.js'
export { ROLES, UNIT_LEVELS, isRole, type Role, type UnitLevel } from './roles.js'
export {
  reaches,
  reachPrefix,
  scopeToReach,
  grantableRoles,
  managesAccount,
  managesUnits,
} from './access.js'
export { subtreeOn, nameOn, currentSuccessor } from './services/unit_tree.js'
export { passwordPolicyFailures } from './password_policy.js'
export * as abilities from './abilities.js'
