import { Unit, reaches, type User } from '#accounts'
import { AccessDenied, RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'
import { loadManagedClient } from '../services/access.js'
import { dataKinds } from '../services/plugins.js'

export interface ScopeInput {
  unitId: number
  dataKind: string
  access: 'read' | 'write'
}

/** Use case: an admin grants (or withdraws) a scope: a unit's subtree, a data kind, read or write. */
export class SetScope {
  async handle(actor: User, clientId: number, input: ScopeInput, grant = true) {
    const unit = await Unit.find(input.unitId)
    if (!unit || !reaches(actor, unit, ['admin']))
      throw new AccessDenied('integration_scope', { type: 'unit', id: input.unitId })
    if (!dataKinds().includes(input.dataKind))
      throw new RuleViolation('integrations.errors.data_kind', { kind: input.dataKind })
    return transaction(async (trx) => {
      const client = await loadManagedClient(actor, clientId, trx)
      const key = {
        client_id: clientId,
        unit_id: unit.id,
        data_kind: input.dataKind,
        access: input.access,
      }
      const existing = await trx.from('integration_scopes').where(key).first()
      if (grant && !existing)
        await trx
          .insertQuery()
          .table('integration_scopes')
          .insert({ ...key, unit_path: unit.path })
      if (!grant && existing) await trx.from('integration_scopes').where('id', existing.id).delete()
      await recordAudit(
        {
          actor,
          unit: { id: client.owner_unit_id, path: client.owner_unit_path },
          action: grant ? 'integration.scope_granted' : 'integration.scope_withdrawn',
          subjectType: 'integration_client',
          subjectId: clientId,
          after: { unit: unit.code, dataKind: input.dataKind, access: input.access },
        },
        trx
      )
    })
  }
}
