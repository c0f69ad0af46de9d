import { Unit, reaches, type User } from '#accounts'
import { AccessDenied, transaction } from '#core'
import { recordAudit } from '#audit'
import { stamp } from '../services/time.js'

export interface ClientInput {
  name: string
  ownerUnitId: number
  contactName?: string | null
  contactEmail: string
  endpointUrl?: string | null
  pluginId?: string | null
  ratePerMinute?: number | null
}

/** Use case: an admin registers an integrator client owned by a unit in its reach. */
export class RegisterClient {
  async handle(actor: User, input: ClientInput): Promise<number> {
    const unit = await Unit.find(input.ownerUnitId)
    if (!unit || !reaches(actor, unit, ['admin']))
      throw new AccessDenied('integration_client', { type: 'unit', id: input.ownerUnitId })
    return transaction(async (trx) => {
      const now = stamp()
      const row = {
        name: input.name.trim(),
        owner_unit_id: unit.id,
        owner_unit_path: unit.path,
        contact_name: input.contactName?.trim() || null,
        contact_email: input.contactEmail.trim(),
        endpoint_url: input.endpointUrl?.trim() || null,
        plugin_id: input.pluginId || null,
        rate_per_minute: input.ratePerMinute ?? 120,
        status: 'active',
        created_by_id: actor.id,
        created_at: now,
        updated_at: now,
      }
      const [id] = await trx.insertQuery().table('integration_clients').insert(row)
      await recordAudit(
        {
          actor,
          unit: { id: unit.id, path: unit.path },
          action: 'integration.client_registered',
          subjectType: 'integration_client',
          subjectId: Number(id),
          after: row,
        },
        trx
      )
      return Number(id)
    })
  }
}
