import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import type User from '../models/user.js'
import { RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'
import { endSessionsOf } from '../services/sessions.js'

/**
 * A user replaces its password (the policy is checked by the validator). Other sessions of the account end;
 * the caller re-stamps the current session with the returned epoch.
 */
export class ChangeOwnPassword {
  async handle(
    user: User,
    currentPassword: string,
    newPassword: string,
    currentSessionId?: string
  ): Promise<number> {
    if (!(await hash.verify(user.password, currentPassword))) {
      await recordAudit({
        actor: user,
        unit: user.unit,
        action: 'user.password_changed',
        outcome: 'failed',
        subjectType: 'user',
        subjectId: user.id,
      })
      throw new RuleViolation('password.errors.current_wrong')
    }
    if (currentPassword === newPassword) throw new RuleViolation('password.errors.same_as_current')

    await transaction(async (trx) => {
      user.useTransaction(trx)
      user.merge({
        password: newPassword,
        mustChangePassword: false,
        passwordChangedAt: DateTime.utc(),
        sessionEpoch: user.sessionEpoch + 1,
      })
      await user.save()
      await endSessionsOf(user.id, { exceptId: currentSessionId, trx })
      await recordAudit(
        {
          actor: user,
          unit: user.unit,
          action: 'user.password_changed',
          subjectType: 'user',
          subjectId: user.id,
        },
        trx
      )
    })
    return user.sessionEpoch
  }
}
