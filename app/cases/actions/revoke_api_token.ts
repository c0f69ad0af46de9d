import db from '@adonisjs/lucid/services/db'
import { User } from '#accounts'
import { recordAudit } from '#audit'
import { AccessDenied, RuleViolation } from '#core'

/**
 * Use case: a user revokes one of its own access tokens. Someone else's token is a refusal (403, audited), not a
 * validation message.
 */
export class RevokeApiToken {
  async handle(actor: User, tokenId: number): Promise<void> {
    const row = Number.isSafeInteger(tokenId)
      ? await db.from('auth_access_tokens').where('id', tokenId).select('tokenable_id').first()
      : null
    if (row && Number(row.tokenable_id) !== actor.id) {
      throw new AccessDenied('not_token_owner', { type: 'api_token', id: tokenId })
    }
    const deleted = row ? await User.accessTokens.delete(actor, tokenId) : 0
    if (!deleted) throw new RuleViolation('cases.tokens.not_found')
    await recordAudit({
      actor,
      unit: actor.unit,
      action: 'api_token.revoked',
      subjectType: 'user',
      subjectId: actor.id,
      after: { tokenId },
    })
  }
}
