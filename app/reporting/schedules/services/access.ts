/** Who manages schedules: heads, statisticians and admins, over their reach (SPEC §2, §10). */
import { AccessDenied } from '#core'
import { reachPrefix, type User } from '#accounts'

export const SCHEDULE_ROLES = ['head', 'statistician', 'admin'] as const

export function schedulePrefix(user: User): string | null {
  return reachPrefix(user, SCHEDULE_ROLES)
}

export function authorizeSchedulesArea(user: User): string {
  const prefix = schedulePrefix(user)
  if (prefix === null) throw new AccessDenied('forbidden', { type: 'schedules' })
  return prefix
}

export function authorizeScheduleUnit(
  user: User,
  unit: { id: number; path: string },
  subject: { type: string; id?: number | string }
): void {
  const prefix = authorizeSchedulesArea(user)
  if (!unit.path.startsWith(prefix)) throw new AccessDenied('outside_jurisdiction', subject)
}
