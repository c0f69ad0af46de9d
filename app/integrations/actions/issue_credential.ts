import { transaction } from '#core'
import type { User } from '#accounts'
import { recordAudit } from '#audit'
import { loadManagedClient } from '../services/access.js'
import { insertCredential } from '../services/credentials.js'
import { stamp } from '../services/time.js'

export interface IssueInput {
  kind: 'token' | 'secret'
  /** Rotate: the current active credential of this kind stays valid for `graceHours`, then stops. */
  rotate?: boolean
  graceHours?: number
  /** Tokens only: lifetime in days (null = no expiry). */
  expiresInDays?: number | null
}

/** Use case: issue or rotate a client's token or signing secret; the clear value is returned once. */
export class IssueCredential {
  async handle(actor: User, clientId: number, input: IssueInput, nowMs = Date.now()) {
    return transaction(async (trx) => {
      const client = await loadManagedClient(actor, clientId, trx)
      let rotated: number[] = []
      if (input.rotate) {
        const graceUntil = stamp(nowMs + (input.graceHours ?? 24) * 3_600_000)
        const current = await trx
          .from('integration_credentials')
          .where({ client_id: clientId, kind: input.kind, status: 'active' })
          .select('id')
        rotated = current.map((r) => Number(r.id))
        if (rotated.length)
          await trx
            .from('integration_credentials')
            .whereIn('id', rotated)
            .update({ status: 'rotated', valid_until: graceUntil })
      }
      const expiresAt =
        input.kind === 'token' && input.expiresInDays
          ? stamp(nowMs + input.expiresInDays * 86_400_000)
          : null
      const created = await insertCredential(trx, clientId, input.kind, expiresAt)
      await recordAudit(
        {
          actor,
          unit: { id: client.owner_unit_id, path: client.owner_unit_path },
          action: input.rotate ? 'integration.credential_rotated' : 'integration.credential_issued',
          subjectType: 'integration_client',
          subjectId: clientId,
          after: {
            kind: input.kind,
            credentialId: created.id,
            rotated,
            graceHours: input.graceHours ?? null,
            expiresAt,
          },
        },
        trx
      )
      return created
    })
  }
}
