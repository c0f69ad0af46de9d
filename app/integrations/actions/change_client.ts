import { transaction } from '#core'
import type { User } from '#accounts'
import { recordAudit } from '#audit'
import { loadManagedClient } from '../services/access.js'
import { stamp } from '../services/time.js'

export interface ClientChange {
  endpointUrl?: string | null
  contactEmail?: string
  status?: 'active' | 'disabled'
  ratePerMinute?: number
}

/** Use case: an admin changes a client's endpoint or contact, or disables / re-enables its deliveries. */
export class ChangeClient {
  async handle(actor: User, clientId: number, change: ClientChange) {
    return transaction(async (trx) => {
      const before = await loadManagedClient(actor, clientId, trx)
      const update: Record<string, unknown> = { updated_at: stamp() }
      if (change.endpointUrl !== undefined) update.endpoint_url = change.endpointUrl?.trim() || null
      if (change.contactEmail) update.contact_email = change.contactEmail.trim()
      if (change.ratePerMinute) update.rate_per_minute = change.ratePerMinute
      if (change.status === 'active')
        Object.assign(update, {
          status: 'active',
          disabled_reason: null,
          disabled_at: null,
          failing_since: null,
        })
      if (change.status === 'disabled')
        Object.assign(update, {
          status: 'disabled',
          disabled_reason: 'by_admin',
          disabled_at: stamp(),
        })
      await trx.from('integration_clients').where('id', clientId).update(update)
      await recordAudit(
        {
          actor,
          unit: { id: before.owner_unit_id, path: before.owner_unit_path },
          action: 'integration.client_changed',
          subjectType: 'integration_client',
          subjectId: clientId,
          before: {
            endpoint_url: before.endpoint_url,
            status: before.status,
            contact_email: before.contact_email,
          },
          after: update,
        },
        trx
      )
    })
  }
}
