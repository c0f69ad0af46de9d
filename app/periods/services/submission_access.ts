/**
 * Who may submit, decide and read statistical-form submissions (SPEC §2 "extract/submit forms": head ✓,
 * officer own row, statistician ✓, inspector read; §4 the chain officer → unit → province → national).
 * Every rule combines role AND jurisdiction; controllers and actions share these functions.
 */
import { reachPrefix, type Role, type User } from '#accounts'
import { AccessDenied } from '#core'
import type { SubmissionLevel } from '../models/submission.js'

/** Roles that read submissions over their reach (inspector: nationally). */
export const SUBMISSION_READER_ROLES: readonly Role[] = ['head', 'statistician', 'inspector']
/** Staff of a unit who submit its report and receive its children's reports. */
const STAFF_ROLES: readonly Role[] = ['head', 'statistician']

interface UnitLike {
  id: number
  path: string
  level: string
}

interface SubmissionLike {
  id: number
  level: SubmissionLevel
  unitId: number
  unitPath: string
  officerId: number
  submittedById: number
}

/** The path prefix the user reads submissions over, or null (an officer reads only its own rows). */
export function submissionReadPrefix(user: User): string | null {
  return reachPrefix(user, SUBMISSION_READER_ROLES)
}

function inReach(user: User, path: string): boolean {
  const prefix = submissionReadPrefix(user)
  return prefix !== null && path.startsWith(prefix)
}

/** Refusal with the right reason: inside the user's reach it is the role that lacks, outside it the jurisdiction. */
export function deny(user: User, subject: { type: string; id: number }, path: string): never {
  throw new AccessDenied(inReach(user, path) ? 'forbidden' : 'outside_jurisdiction', subject)
}

/**
 * The level at which `user` submits `unit`'s form, or null when it may not submit it: the unit's own head or
 * statistician submits the unit report (a province: the province report with its districts); an officer of
 * the unit submits its own row. The national level only accepts.
 */
export function submissionLevelFor(user: User, unit: UnitLike): SubmissionLevel | null {
  if (user.unitId !== unit.id) return null
  if (user.hasRole(...STAFF_ROLES)) {
    if (unit.level === 'national') return null
    return unit.level === 'province' ? 'province' : 'unit'
  }
  return user.hasRole('officer') ? 'officer' : null
}

export function mayReadSubmission(user: User, s: SubmissionLike): boolean {
  if (s.submittedById === user.id || (s.level === 'officer' && s.officerId === user.id)) return true
  return inReach(user, s.unitPath)
}

/**
 * The first step after submitting: an officer's row is approved by its unit's head or statistician; a unit or
 * province report by the head of that unit.
 */
export function mayApprove(user: User, s: SubmissionLike): boolean {
  if (user.unitId !== s.unitId) return false
  return s.level === 'officer' ? user.hasRole(...STAFF_ROLES) : user.hasRole('head')
}

/** The parent level receives an approved unit or province report: head or statistician of the parent unit. */
export function mayAccept(user: User, s: SubmissionLike, parentUnitId: number | null): boolean {
  return (
    s.level !== 'officer' &&
    parentUnitId !== null &&
    user.unitId === parentUnitId &&
    user.hasRole(...STAFF_ROLES)
  )
}

/** Returning for correction: whoever takes the next step (approver before approval, receiver after). */
export function mayReturn(
  user: User,
  s: SubmissionLike,
  status: string,
  parentUnitId: number | null
): boolean {
  if (status === 'submitted') return mayApprove(user, s)
  if (status === 'approved')
    return s.level === 'officer' ? mayApprove(user, s) : mayAccept(user, s, parentUnitId)
  return false
}
