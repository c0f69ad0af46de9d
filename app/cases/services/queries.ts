/** Read models shared by the pages and the API; every case read starts from `visibleCases`. */
import type { Infer } from '@vinejs/vine/types'
import db from '@adonisjs/lucid/services/db'
import { User, reachPrefix } from '#accounts'
import { sortVi } from '#core'
import type { caseFilterValidator } from '../validators/cases.js'
import { OPEN_STATUSES } from '../state_machine.js'
import { findReadableCase } from './access.js'
import { withRunningBalance } from './balance.js'
import CaseEvent from '../models/case_event.js'
import MoneyEntry from '../models/money_entry.js'
import Assignment from '../models/assignment.js'

export type CaseFilters = Infer<typeof caseFilterValidator>

// The case list itself lives in case_list.ts (keyset pages on the list indexes).

/** Everything the case page and the API detail show, after the read check. */
export async function caseDetail(user: User, id: number | string) {
  const found = await findReadableCase(user, id)
  await found.load((loader) => {
    loader
      .load('unit')
      .load('officer')
      .load('judgment')
      .load('request')
      .load('parties')
      .load('obligations')
  })
  const events = await CaseEvent.query()
    .where('case_id', found.id)
    .orderBy('effective_date')
    .orderBy('id')
  const money = withRunningBalance(
    await MoneyEntry.query().where('case_id', found.id).orderBy('effective_date').orderBy('id')
  )
  const assignments = await Assignment.query()
    .where('case_id', found.id)
    .preload('officer')
    .orderBy('from_date')
    .orderBy('id')
  const actorIds = [
    ...new Set(
      [...events.map((e) => e.actorId), ...events.map((e) => e.officerId)].filter(
        (v): v is number => !!v
      )
    ),
  ]
  const people = actorIds.length
    ? await User.query().whereIn('id', actorIds).select('id', 'full_name')
    : []
  const names = Object.fromEntries(people.map((p) => [p.id, p.fullName]))
  return { case: found, events, money, assignments, names }
}

/**
 * Active officers of a unit (assignment choices for its head) in Vietnamese alphabetical order, each with its
 * caseload (open cases) so the head can balance the work. One grouped count on the (officer_id, status) index.
 */
export async function officersOf(unitId: number) {
  const officers = await User.query()
    .where('unit_id', unitId)
    .where('status', 'active')
    .whereIn('id', (sub) => sub.from('user_roles').select('user_id').where('role', 'officer'))
    .limit(500)
  const ids = officers.map((o) => o.id)
  const loads = ids.length
    ? await db
        .from('cases')
        .whereIn('officer_id', ids)
        .whereIn('status', [...OPEN_STATUSES])
        .groupBy('officer_id')
        .select('officer_id')
        .count('* as open')
    : []
  const openOf = new Map(loads.map((r: any) => [Number(r.officer_id), Number(r.open)]))
  return sortVi(
    officers.map((o) => ({ id: o.id, fullName: o.fullName, open: openOf.get(o.id) ?? 0 })),
    (o) => o.fullName
  )
}

/** Officers a user may filter the case list by: those of its reach (or its own unit for narrower roles). */
export function officersInReach(user: User) {
  const prefix = reachPrefix(user, ['admin', 'head', 'statistician', 'inspector']) ?? user.unit.path
  return User.query()
    .whereIn('unit_id', (sub) =>
      sub
        .from('units')
        .select('id')
        .where('path', 'like', `${prefix === '/' ? user.unit.path : prefix}%`)
    )
    .whereIn('id', (sub) => sub.from('user_roles').select('user_id').where('role', 'officer'))
    .orderBy('full_name')
    .limit(500)
}
