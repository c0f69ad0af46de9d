import { User } from '#accounts'
import { recordAudit } from '#audit'
import { RuleViolation } from '#core'

/** Use case: a user revokes one of its own access tokens (only its own: the lookup is per user). */
export class RevokeApiToken {
  async handle(actor: User, tokenId: number): Promise<void> {
    const deleted = await User.accessTokens.delete(actor, tokenId)
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
