/**
 * Bouncer abilities: thin, named wrappers over the rules of access.ts, usable from controllers
 * (`bouncer.authorize('manageAccount', target)`) and from Edge templates (`@can('manageUnits')`).
 */
import { Bouncer } from '@adonisjs/bouncer'
import type User from './models/user.js'
import type Unit from './models/unit.js'
import { managesAccount, managesUnits, reaches } from './access.js'

export const manageUnits = Bouncer.ability((user: User) => managesUnits(user))

export const administerAccounts = Bouncer.ability((user: User) => user.hasRole('admin'))

export const manageAccount = Bouncer.ability((user: User, target: User) =>
  managesAccount(user, target)
)

export const placeAccountIn = Bouncer.ability((user: User, unit: Unit) =>
  reaches(user, unit, ['admin'])
)

export const readAudit = Bouncer.ability((user: User) => user.hasRole('admin', 'inspector'))
