import { DateTime } from 'luxon'
import User from '../models/user.js'
import { managesAccount } from '../access.js'
import { AccessDenied, RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'
import { endSessionsOf } from '../services/sessions.js'

/**
 * Revokes or reinstates an account. Revoking ends its open sessions (the epoch moves) and deletes its API
 * tokens; a reinstated account must set a new password at its next login.
 */
export class SetUserStatus {
  async handle(actor: User, target: User, status: 'active' | 'revoked'): Promise<User> {
    await target.loadAccess()
    if (!managesAccount(actor, target))
      throw new AccessDenied('outside_jurisdiction', { type: 'user', id: target.id })
    if (actor.id === target.id) throw new RuleViolation('users.errors.cannot_revoke_self')
    if (target.status === status) return target

    const before = { status: target.status }
    await transaction(async (trx) => {
      target.useTransaction(trx)
      if (status === 'revoked') {
        target.merge({ status, revokedAt: DateTime.utc(), sessionEpoch: target.sessionEpoch + 1 })
        await trx.from('auth_access_tokens').where('tokenable_id', target.id).delete()
        await endSessionsOf(target.id, { trx })
      } else {
        target.merge({ status, revokedAt: null, mustChangePassword: true })
      }
      await target.save()
      await recordAudit(
        {
          actor,
          unit: target.unit,
          action: status === 'revoked' ? 'user.revoked' : 'user.reinstated',
          subjectType: 'user',
          subjectId: target.id,
          before,
          after: { status },
        },
        trx
      )
    })
    return target
  }
}
