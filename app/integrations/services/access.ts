/**
 * Who manages an integrator client: an admin whose reach (national = everything, province = its subtree)
 * contains the client's owner unit AND every unit the client is scoped to.
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { reachPrefix, type User } from '#accounts'
import { AccessDenied } from '#core'

export function adminPrefix(user: User): string | null {
  return reachPrefix(user, ['admin'])
}

/** Clients the admin may see and manage: owner inside the reach and no scope outside it. */
export function manageableClients(user: User, client: QueryClientContract = db.connection()) {
  const prefix = adminPrefix(user)
  const q = client.from('integration_clients as ic')
  if (prefix === null) return q.whereRaw('1 = 0')
  if (prefix === '/') return q
  return q
    .where('ic.owner_unit_path', 'like', `${prefix}%`)
    .whereNotExists((s) =>
      s
        .from('integration_scopes as s')
        .whereColumn('s.client_id', 'ic.id')
        .whereNot('s.unit_path', 'like', `${prefix}%`)
    )
}

export async function loadManagedClient(user: User, id: number, client?: QueryClientContract) {
  const row = await manageableClients(user, client).where('ic.id', id).select('ic.*').first()
  if (!row) throw new AccessDenied('integration_client', { type: 'integration_client', id })
  return row
}
