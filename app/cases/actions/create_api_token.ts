import { User } from '#accounts'
import { recordAudit } from '#audit'

export const API_ABILITIES = ['cases:read', 'cases:write'] as const

/**
 * Use case: a user creates an access token for its own API clients. The secret is returned once and only
 * its hash is stored. The token provider writes through its own connection, so the audit follows it
 * (never inside an open transaction: SQLite has a single connection).
 */
export class CreateApiToken {
  async handle(
    actor: User,
    input: { name: string; abilities: (typeof API_ABILITIES)[number][] }
  ): Promise<{ id: number; secret: string }> {
    const token = await User.accessTokens.create(actor, input.abilities, { name: input.name })
    await recordAudit({
      actor,
      unit: actor.unit,
      action: 'api_token.created',
      subjectType: 'user',
      subjectId: actor.id,
      after: { tokenId: token.identifier, name: input.name, abilities: input.abilities },
    })
    return { id: Number(token.identifier), secret: token.value!.release() }
  }
}
