/**
 * Who may read which form (SPEC §2, "extract/submit forms"): head and statistician over their subtree,
 * inspector nationally (read), officer only its own row of its own unit's report. Anything else is refused
 * with AccessDenied, which the exception handler audits and answers with 403.
 */
import { AccessDenied } from '#core'
import { reachPrefix, type User } from '#accounts'
import type { UnitRef } from '../plugin/types.js'

export const FORM_READER_ROLES = ['head', 'statistician', 'inspector'] as const

export interface ReportGrant {
  /** Null = all rows; a user id = only that officer's own row. */
  officerId: number | null
}

export function reportPrefix(user: User): string | null {
  return reachPrefix(user, FORM_READER_ROLES)
}

export function authorizeReport(user: User, unit: Pick<UnitRef, 'id' | 'path'>): ReportGrant {
  const prefix = reportPrefix(user)
  if (prefix !== null && unit.path.startsWith(prefix)) return { officerId: null }
  if (user.hasRole('officer') && user.unitId === unit.id) return { officerId: user.id }
  if (prefix === null && !user.hasRole('officer'))
    throw new AccessDenied('forbidden', { type: 'unit', id: unit.id })
  throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: unit.id })
}

/** May open the reports area at all (plugin list, form chooser). */
export function readsReports(user: User): boolean {
  return reportPrefix(user) !== null || user.hasRole('officer')
}

export function authorizeReportsArea(user: User) {
  if (!readsReports(user) && !user.hasRole('admin'))
    throw new AccessDenied('forbidden', { type: 'reports' })
}
