/** Read models shared by the pages and the API; every case read starts from `visibleCases`. */
import type { Infer } from '@vinejs/vine/types'
import { whereContains, likeClause } from '#core'
import { User, reachPrefix } from '#accounts'
import type { caseFilterValidator } from '../validators/cases.js'
import { OPEN_STATUSES } from '../state_machine.js'
import { visibleCases, findReadableCase } from './access.js'
import { withRunningBalance } from './balance.js'
import CaseEvent from '../models/case_event.js'
import MoneyEntry from '../models/money_entry.js'
import Assignment from '../models/assignment.js'

export type CaseFilters = Infer<typeof caseFilterValidator>

export function listCases(user: User, filters: CaseFilters, options: { mine?: boolean } = {}) {
  const query = visibleCases(user)
    .where('cases.draft_status', 'approved')
    .preload('officer')
    .preload('unit')
  if (options.mine) query.where('cases.officer_id', user.id)
  if (filters.status === 'open') query.whereIn('cases.status', [...OPEN_STATUSES])
  else if (filters.status) query.where('cases.status', filters.status)
  if (filters.officer_id) query.where('cases.officer_id', filters.officer_id)
  if (filters.kind) query.where('cases.kind', filters.kind)
  if (filters.origin) query.where('cases.origin', filters.origin)
  if (filters.from) query.where('cases.decision_date', '>=', filters.from)
  if (filters.to) query.where('cases.decision_date', '<=', filters.to)
  if (filters.credit) query.where('cases.credit_institution', true)
  if (filters.q) {
    whereContains(
      query,
      ['cases.number', 'cases.debtor_name', 'cases.creditor_name'],
      filters.q,
      (w, pattern) =>
        w.orWhereIn('cases.id', (sub: any) =>
          sub
            .from('case_parties')
            .select('case_id')
            .whereRaw(...likeClause('name', pattern))
        )
    )
  }
  const dir = filters.dir ?? 'desc'
  switch (filters.sort ?? 'decision_date') {
    case 'number':
      query.orderBy('cases.year', dir).orderBy('cases.seq', dir)
      break
    case 'remaining':
      query.orderBy('cases.remaining', dir)
      break
    case 'status':
      query.orderBy('cases.status', dir)
      break
    case 'debtor_name':
      query.orderBy('cases.debtor_name', dir)
      break
    default:
      query.orderBy('cases.decision_date', dir)
  }
  return query.orderBy('cases.id', dir).paginate(filters.page ?? 1, filters.per_page ?? 25)
}

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

/** Active officers of a unit (assignment choices for its head). */
export function officersOf(unitId: number) {
  return User.query()
    .where('unit_id', unitId)
    .where('status', 'active')
    .whereIn('id', (sub) => sub.from('user_roles').select('user_id').where('role', 'officer'))
    .orderBy('full_name')
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
