import { DateTime } from 'luxon'
import type { User } from '#accounts'
import { recordAudit } from '#audit'
import { APP_ZONE, transaction } from '#core'
import { loadManagedClient } from '../services/access.js'
import { stamp } from '../services/time.js'

/**
 * Use case: replay one failed message, or every failed message of a client created since a time: they go
 * back to `pending` with a fresh schedule (same webhook-id, so receivers still deduplicate).
 */
export class ReplayMessages {
  async handle(actor: User, clientId: number, target: { messageId?: number; since?: string }) {
    return transaction(async (trx) => {
      const client = await loadManagedClient(actor, clientId, trx)
      const q = trx
        .from('integration_outbox')
        .where('client_id', clientId)
        .where('status', 'failed')
      if (target.messageId) q.where('id', target.messageId)
      // `since` is typed in Vietnam time (the datetime-local field); stored times are UTC.
      else
        q.where(
          'created_at',
          '>=',
          stamp(
            DateTime.fromISO((target.since ?? '1970-01-01').replace(' ', 'T'), {
              zone: APP_ZONE,
            }).toMillis()
          )
        )
      const changed = await q.update({
        status: 'pending',
        attempts: 0,
        next_attempt_at: stamp(),
        lease_owner: null,
        lease_until: null,
      })
      await recordAudit(
        {
          actor,
          unit: { id: client.owner_unit_id, path: client.owner_unit_path },
          action: 'integration.messages_replayed',
          subjectType: 'integration_client',
          subjectId: clientId,
          after: { ...target, count: Number(changed) },
        },
        trx
      )
      return Number(changed)
    })
  }
}
