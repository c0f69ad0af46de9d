import type User from '../models/user.js'
import { managesAccount } from '../access.js'
import { generateTemporaryPassword } from '../password_policy.js'
import { AccessDenied, transaction } from '#core'
import { recordAudit } from '#audit'

/** Gives the account a new temporary password, ends its open sessions, and forces a change at next login. */
export class ResetUserPassword {
  async handle(actor: User, target: User): Promise<string> {
    await target.loadAccess()
    if (!managesAccount(actor, target))
      throw new AccessDenied('outside_jurisdiction', { type: 'user', id: target.id })
    const temporaryPassword = generateTemporaryPassword()
    await transaction(async (trx) => {
      target.useTransaction(trx)
      target.merge({
        password: temporaryPassword,
        mustChangePassword: true,
        sessionEpoch: target.sessionEpoch + 1,
      })
      await target.save()
      await recordAudit(
        {
          actor,
          unit: target.unit,
          action: 'user.password_reset',
          subjectType: 'user',
          subjectId: target.id,
        },
        trx
      )
    })
    return temporaryPassword
  }
}
