import type User from '../models/user.js'
import { managesAccount } from '../access.js'
import { generateTemporaryPassword } from '../password_policy.js'
import { AccessDenied, transaction } from '#core'
import { recordAudit } from '#audit'
import { endSessionsOf } from '../services/sessions.js'

/** Gives the account a new temporary password, ends its open sessions on the server, deletes its API tokens and forces a change at next login. */
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
      await endSessionsOf(target.id, { trx })
      // Whoever knew the old password may have made API tokens with it: they die with it.
      await trx.from('auth_access_tokens').where('tokenable_id', target.id).delete()
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
