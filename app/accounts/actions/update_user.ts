import User from '../models/user.js'
import Unit from '../models/unit.js'
import UserRole from '../models/user_role.js'
import { ROLES, type Role } from '../roles.js'
import { grantableRoles, managesAccount, reaches } from '../access.js'
import { AccessDenied, RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'

export interface UpdateUserInput {
  fullName: string
  unitId: number
  roles: Role[]
}

/** Edits name, unit and roles of an account the admin manages; moving and granting stay inside its reach. */
export class UpdateUser {
  async handle(actor: User, target: User, input: UpdateUserInput): Promise<User> {
    await target.loadAccess()
    if (!managesAccount(actor, target))
      throw new AccessDenied('outside_jurisdiction', { type: 'user', id: target.id })
    const unit = await Unit.find(input.unitId)
    if (!unit) throw new RuleViolation('users.errors.unit_not_found')
    if (!reaches(actor, unit, ['admin']))
      throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: unit.id })
    if (unit.validTo && unit.id !== target.unitId)
      throw new RuleViolation('users.errors.unit_closed', { unit: unit.name })

    const before = {
      fullName: target.fullName,
      unitId: target.unitId,
      roles: [...target.roleNames].sort(),
    }
    const grantable = grantableRoles(actor, unit, ROLES)
    // Roles the account already had and keeps are not a new grant (e.g. a national inspector edited by a national admin).
    const beyond = input.roles.filter(
      (role) =>
        !grantable.includes(role) && !(before.roles.includes(role) && unit.id === target.unitId)
    )
    if (beyond.length > 0)
      throw new AccessDenied('role_beyond_reach', { type: 'user', id: target.id })
    if (
      actor.id === target.id &&
      before.roles.includes('admin') &&
      !input.roles.includes('admin')
    ) {
      throw new RuleViolation('users.errors.cannot_drop_own_admin')
    }

    await transaction(async (trx) => {
      target.useTransaction(trx)
      target.merge({ fullName: input.fullName, unitId: unit.id })
      await target.save()
      await UserRole.query({ client: trx })
        .where('user_id', target.id)
        .whereNotIn('role', input.roles)
        .delete()
      const missing = input.roles.filter((role) => !before.roles.includes(role))
      if (missing.length > 0)
        await target.related('roles').createMany(
          missing.map((role) => ({ role })),
          { client: trx }
        )
      await recordAudit(
        {
          actor,
          unit,
          action: 'user.updated',
          subjectType: 'user',
          subjectId: target.id,
          before,
          after: { fullName: input.fullName, unitId: unit.id, roles: [...input.roles].sort() },
        },
        trx
      )
    })
    await target.load('roles')
    await target.load('unit')
    return target
  }
}
