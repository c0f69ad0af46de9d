/**
 * Who may do what with reconciliation and completeness (SPEC §2, §9):
 *   - read the comparison and the completeness dashboard: head and statistician over their subtree, inspector
 *     nationally (the readers of the statistical forms);
 *   - record, import or correct paper figures: the statistician, for units of its subtree;
 *   - set the national plan (thresholds, tolerances, catch-up dates): head or statistician of the national unit.
 * Every refusal is an AccessDenied (403, audited by the exception handler).
 */
import { AccessDenied } from '#core'
import { reachPrefix, type User } from '#accounts'
import { FORM_READER_ROLES } from '../services/access.js'

export const FIGURE_WRITER_ROLES = ['statistician'] as const

function refuse(prefix: string | null, subject: { type: string; id?: number | string | null }) {
  throw new AccessDenied(prefix === null ? 'forbidden' : 'outside_jurisdiction', subject)
}

export function readPrefix(user: User) {
  return reachPrefix(user, FORM_READER_ROLES)
}

export function authorizeRead(user: User, unit?: { id: number; path: string }) {
  const prefix = readPrefix(user)
  if (prefix === null) refuse(null, { type: 'reconciliation', id: unit?.id ?? null })
  if (unit && !unit.path.startsWith(prefix!)) refuse(prefix, { type: 'unit', id: unit.id })
}

export function authorizeWrite(user: User, unit?: { id: number; path: string }) {
  const prefix = reachPrefix(user, FIGURE_WRITER_ROLES)
  if (prefix === null) refuse(null, { type: 'traditional_figures', id: unit?.id ?? null })
  if (unit && !unit.path.startsWith(prefix!)) refuse(prefix, { type: 'unit', id: unit.id })
}

export function managesPlan(user: User) {
  return user.hasRole('head', 'statistician') && user.unit.level === 'national'
}

export function authorizePlan(user: User) {
  if (!managesPlan(user)) throw new AccessDenied('forbidden', { type: 'reconciliation_plan' })
}
