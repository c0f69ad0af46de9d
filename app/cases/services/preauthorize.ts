/**
 * This module's authorization-before-validation rules (see `registerPreauthorization` in #core): the role and the
 * jurisdiction of each write route's subject, checked before the body is validated; the use case checks the fine
 * rules (assigned officer, head of the very unit…) after.
 */
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { reachPrefix, type User } from '#accounts'
import { AccessDenied, registerPreauthorization } from '#core'
import { canReadCase } from './access.js'

type Subject = { type: string; id?: number | null }
type Rule = (user: User, ctx: HttpContext) => Promise<void>

const WRITERS = ['admin', 'head', 'statistician', 'officer', 'intake_clerk'] as const

function requireRole(user: User, roles: readonly string[], subject: Subject) {
  if (!user.hasRole(...(roles as any))) throw new AccessDenied('forbidden', subject)
}

/** Within the user's reach: a subtree role's prefix, or the user's own unit. */
function withinReach(user: User, path: string, unitId: number): boolean {
  const prefix = reachPrefix(user, [...WRITERS])
  if (prefix && path.startsWith(prefix)) return true
  return unitId === user.unitId
}

function idParam(ctx: HttpContext): number {
  const id = Number(ctx.params.id)
  return Number.isSafeInteger(id) && id > 0 ? id : 0
}

/** A rule on a case-bound route: role first, then the case must be readable by the user. */
function onCase(roles: readonly string[], extra?: (user: User, c: CaseRow) => boolean): Rule {
  return async (user, ctx) => {
    const id = idParam(ctx)
    requireRole(user, roles, { type: 'case', id })
    const c = await db
      .from('cases')
      .where('id', id)
      .select('id', 'unit_id', 'unit_path', 'officer_id')
      .first()
    if (!c) return // the use case answers 404
    const row: CaseRow = {
      unitId: Number(c.unit_id),
      unitPath: c.unit_path,
      officerId: c.officer_id === null ? null : Number(c.officer_id),
    }
    if (!canReadCase(user, row) || (extra && !extra(user, row)))
      throw new AccessDenied('outside_jurisdiction', { type: 'case', id })
  }
}
type CaseRow = { unitId: number; unitPath: string; officerId: number | null }

function onUnitRow(
  table: string,
  type: string,
  roles: readonly string[],
  columns: [idColumn: string, pathColumn: string][]
): Rule {
  return async (user, ctx) => {
    const id = idParam(ctx)
    requireRole(user, roles, { type, id })
    const row = await db.from(table).where('id', id).first()
    if (!row) return
    const reached = columns.some(([unitIdColumn, pathColumn]) =>
      withinReach(user, String(row[pathColumn] ?? ''), Number(row[unitIdColumn]))
    )
    if (!reached) throw new AccessDenied('outside_jurisdiction', { type, id })
  }
}

function roleOnly(roles: readonly string[], type: string): Rule {
  return async (user) => requireRole(user, roles, { type })
}

/** The officer named in the body must belong to the head's unit (peeked before the body is validated). */
const reassignInactive: Rule = async (user, ctx) => {
  requireRole(user, ['head'], { type: 'handover' })
  const fromId = Number(ctx.request.input('from_officer_id'))
  if (!Number.isSafeInteger(fromId) || fromId <= 0) return
  const officer = await db.from('users').where('id', fromId).select('unit_id').first()
  if (officer && Number(officer.unit_id) !== user.unitId)
    throw new AccessDenied('outside_jurisdiction', { type: 'user', id: fromId })
}

const RULES: Record<string, Rule> = {
  'POST /cases/:id/events': onCase(['officer']),
  'POST /cases/:id/money': onCase(['officer']),
  'POST /cases/:id/publications': onCase(['officer']),
  'POST /cases/:id/reverify-interval': onCase(['officer']),
  'POST /cases/:id/assign': onCase(['head']),
  'POST /cases/:id/delegations': onCase(['officer', 'head']),
  'POST /cases/:id/withdraw': onCase(['head']),
  'POST /cases/:id/revoke': onCase(['head']),
  'PUT /decisions/:id': onCase(['intake_clerk'], (u, c) => c.unitId === u.unitId),
  'POST /decisions/:id/submit': onCase(['intake_clerk'], (u, c) => c.unitId === u.unitId),
  'POST /decisions/:id/approve': onCase(['head']),
  'POST /decisions/:id/reject': onCase(['head']),
  'POST /judgments': roleOnly(['intake_clerk'], 'judgment'),
  'POST /requests': roleOnly(['intake_clerk'], 'request'),
  'POST /decisions': roleOnly(['intake_clerk'], 'case'),
  'POST /requests/:id/refuse': async (user, ctx) => {
    const id = idParam(ctx)
    requireRole(user, ['intake_clerk'], { type: 'request', id })
    const row = await db.from('enforcement_requests').where('id', id).select('unit_id').first()
    if (row && Number(row.unit_id) !== user.unitId)
      throw new AccessDenied('outside_jurisdiction', { type: 'request', id })
  },
  'POST /handovers': roleOnly(['head', 'officer'], 'handover'),
  'POST /handovers/reassign-inactive': reassignInactive,
  'POST /handovers/:id/confirm': onUnitRow(
    'handovers',
    'handover',
    ['head'],
    [['unit_id', 'unit_path']]
  ),
  'POST /handovers/:id/reject': onUnitRow(
    'handovers',
    'handover',
    ['head'],
    [['unit_id', 'unit_path']]
  ),
  'POST /delegations/:id/confirm': onUnitRow(
    'delegations',
    'delegation',
    ['head'],
    [['from_unit_id', 'from_unit_path']]
  ),
  'POST /delegations/:id/reject': onUnitRow(
    'delegations',
    'delegation',
    ['head'],
    [['from_unit_id', 'from_unit_path']]
  ),
  'POST /delegations/:id/accept': onUnitRow(
    'delegations',
    'delegation',
    ['head', 'intake_clerk'],
    [['to_unit_id', 'to_unit_path']]
  ),
  'POST /delegations/:id/return': onUnitRow(
    'delegations',
    'delegation',
    ['head', 'intake_clerk'],
    [['to_unit_id', 'to_unit_path']]
  ),
}

/** Registers this module's rules with the shared pre-authorization (#core). */
export function registerCasesPreauthorization() {
  for (const [key, rule] of Object.entries(RULES)) {
    registerPreauthorization(key, (ctx, user) => rule(user as User, ctx))
  }
}

export const CASES_PREAUTHORIZED_ROUTES = Object.keys(RULES)
