import User from '../models/user.js'
import Unit from '../models/unit.js'
import { ROLES, type Role } from '../roles.js'
import { grantableRoles, reaches } from '../access.js'
import { generateTemporaryPassword } from '../password_policy.js'
import { AccessDenied, RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'

export interface CreateUserInput {
  email: string
  fullName: string
  unitId: number
  roles: Role[]
}

/**
 * An admin opens an account inside its own subtree with roles no wider than its own reach.
 * The account gets a one-time temporary password and must change it at first login.
 */
export class CreateUser {
  async handle(
    actor: User,
    input: CreateUserInput
  ): Promise<{ user: User; temporaryPassword: string }> {
    const unit = await Unit.find(input.unitId)
    if (!unit) throw new RuleViolation('users.errors.unit_not_found')
    if (!reaches(actor, unit, ['admin']))
      throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: unit.id })
    const beyond = input.roles.filter((role) => !grantableRoles(actor, unit, ROLES).includes(role))
    if (beyond.length > 0)
      throw new AccessDenied('role_beyond_reach', { type: 'unit', id: unit.id })
    if (unit.validTo) throw new RuleViolation('users.errors.unit_closed', { unit: unit.name })

    const taken = await User.findBy('email', input.email)
    if (taken) throw new RuleViolation('users.errors.email_taken', { email: input.email })

    const temporaryPassword = generateTemporaryPassword()
    const user = await transaction(async (trx) => {
      const created = await User.create(
        {
          email: input.email,
          fullName: input.fullName,
          unitId: unit.id,
          password: temporaryPassword,
          status: 'active',
          mustChangePassword: true,
          sessionEpoch: 1,
          createdById: actor.id,
        },
        { client: trx }
      )
      await created.related('roles').createMany(
        input.roles.map((role) => ({ role })),
        { client: trx }
      )
      await recordAudit(
        {
          actor,
          unit,
          action: 'user.created',
          subjectType: 'user',
          subjectId: created.id,
          after: {
            email: created.email,
            fullName: created.fullName,
            unitId: unit.id,
            roles: input.roles,
          },
        },
        trx
      )
      return created
    })
    return { user, temporaryPassword }
  }
}
