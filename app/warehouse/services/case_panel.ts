import edge from 'edge.js'
import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { WAREHOUSE_ROLES, isCaseOfficer, scopeExhibits } from './access.js'

/** The case page includes warehouse/exhibits/_case_panel, which asks for its data here. */
export function registerCasePanel() {
  edge.global('exhibitsOfCase', async (c: { id: number }, user: User) => {
    if (!user.hasRole(...WAREHOUSE_ROLES)) return { visible: false, items: [], canRegister: false }
    const items = await scopeExhibits(db.from('exhibits'), user)
      .where('exhibits.case_id', c.id)
      .select('id', 'code', 'description', 'measure', 'quantity_held', 'status')
      .orderBy('id')
      .limit(100)
    const canRegister = await isCaseOfficer(user, c.id)
    return { visible: items.length > 0 || canRegister, items, canRegister }
  })
}
