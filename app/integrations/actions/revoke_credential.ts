import { transaction } from '#core'
import type { User } from '#accounts'
import { recordAudit } from '#audit'
import { loadManagedClient } from '../services/access.js'
import { stamp } from '../services/time.js'

/** Use case: revoke one token or secret of a client at once (no grace). */
export class RevokeCredential {
  async handle(actor: User, clientId: number, credentialId: number) {
    return transaction(async (trx) => {
      const client = await loadManagedClient(actor, clientId, trx)
      const changed = await trx
        .from('integration_credentials')
        .where({ id: credentialId, client_id: clientId })
        .whereNot('status', 'revoked')
        .update({ status: 'revoked', revoked_at: stamp() })
      await recordAudit(
        {
          actor,
          unit: { id: client.owner_unit_id, path: client.owner_unit_path },
          action: 'integration.credential_revoked',
          subjectType: 'integration_client',
          subjectId: clientId,
          after: { credentialId, changed: Number(changed) },
        },
        trx
      )
    })
  }
}
