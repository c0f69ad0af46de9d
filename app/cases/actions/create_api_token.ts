import { User } from '#accounts'
import { recordAudit } from '#audit'
import { AccessDenied } from '#core'

export const API_ABILITIES = ['cases:read', 'cases:write'] as const
export type ApiAbility = (typeof API_ABILITIES)[number]

/** Least privilege: an ability only for roles that can exercise it through the API at all. */
const ABILITY_ROLES: Record<ApiAbility, readonly string[]> = {
  'cases:read': ['admin', 'head', 'officer', 'intake_clerk', 'statistician', 'inspector'],
  'cases:write': ['head', 'officer', 'intake_clerk'],
}

/** The abilities this user's roles can ever use (the token form offers only these). */
export function usableAbilities(user: User): ApiAbility[] {
  return API_ABILITIES.filter((a) => user.roleNames.some((r) => ABILITY_ROLES[a].includes(r)))
}

/**
 * Use case: a user creates an access token for its own API clients. The secret is returned once and only
 * its hash is stored. An ability the owner's roles can never use is refused (403, audited). The token provider
 * writes through its own connection, so the audit follows it (never inside an open transaction: SQLite has a
 * single connection).
 */
export class CreateApiToken {
  async handle(
    actor: User,
    input: { name: string; abilities: ApiAbility[] }
  ): Promise<{ id: number; secret: string }> {
    await actor.loadAccess()
    const usable = usableAbilities(actor)
    const beyond = input.abilities.filter((a) => !usable.includes(a))
    if (beyond.length) {
      throw new AccessDenied('token_ability_beyond_roles', {
        type: 'api_token',
        id: beyond.join(','),
      })
    }
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
