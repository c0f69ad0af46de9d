/** The demo history's actors: demo accounts plus the extra officers (one leaves) and the military unit's staff. */
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { viSortKey } from '#core'
import { User, Unit } from '#accounts'
import { DEMO_PASSWORD } from './demo_accounts.js'
import { DEMO_UNITS, personName, type Rng } from './demo_cases_plan.js'

const EXTRA_ACCOUNTS: [string, string, null, string[]][] = [
  ['officer3.hanoi@thads.demo', 'T01', null, ['officer']],
  ['officer3.badinh@thads.demo', 'T01-BADINH', null, ['officer']],
  ['officer3.camau@thads.demo', 'T96', null, ['officer']],
  ['head.qp01@thads.demo', 'QP-01', null, ['head']],
  ['officer.qp01@thads.demo', 'QP-01', null, ['officer']],
  ['officer2.qp01@thads.demo', 'QP-01', null, ['officer']],
  ['clerk.qp01@thads.demo', 'QP-01', null, ['intake_clerk']],
]

export /** Demo accounts by e-mail and id (roles and unit loaded), plus the extra officers and the military unit's staff. */
async function loadPeople(r: Rng) {
  const password = await hash.make(DEMO_PASSWORD)
  const stamp = new Date().toISOString().slice(0, 19).replace('T', ' ')
  for (const [email, code, , roles] of EXTRA_ACCOUNTS) {
    if (await db.from('users').where('email', email).first()) continue
    const unit = await db.from('units').where('code', code).firstOrFail()
    const fullName = personName(r)
    const [id] = await db
      .insertQuery()
      .table('users')
      .insert({
        email,
        full_name: fullName,
        name_key: viSortKey(fullName),
        unit_id: unit.id,
        password,
        status: 'active',
        must_change_password: false,
        session_epoch: 1,
        password_changed_at: stamp,
        created_at: stamp,
        updated_at: stamp,
      })
    await db
      .insertQuery()
      .table('user_roles')
      .multiInsert(roles.map((role) => ({ user_id: Number(id), role, created_at: stamp })))
  }
  const users = await User.query()
    .where('email', 'like', '%@thads.demo')
    .preload('roles')
    .preload('unit')
  const units = await Unit.query().whereIn(
    'code',
    DEMO_UNITS.map((x) => x.code)
  )
  return {
    byEmail: new Map(users.map((x) => [x.email, x])),
    byId: new Map(users.map((x) => [x.id, x])),
    units: new Map(units.map((x) => [x.code, x])),
  }
}
