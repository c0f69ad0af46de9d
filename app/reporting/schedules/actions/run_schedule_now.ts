/**
 * Use case: "run now". Same path as a scheduled run (claim row, per-address deliveries, history), triggered by
 * a person who manages the schedule's unit; the run belongs to the current second so it never collides with a
 * cron minute. Audited.
 */
import { DateTime } from 'luxon'
import { RuleViolation } from '#core'
import type { User } from '#accounts'
import { recordAudit } from '#audit'
import { authorizeScheduleUnit } from '../services/access.js'
import { claimRun, executeRun } from '../services/runner.js'
import type { ScheduleRow } from '../services/store.js'

export class RunScheduleNow {
  async handle(actor: User, row: ScheduleRow): Promise<{ runId: number; status: string }> {
    authorizeScheduleUnit(
      actor,
      { id: row.unit_id, path: row.unit_path },
      { type: 'schedule', id: row.id }
    )
    const at = DateTime.utc().startOf('second').set({ millisecond: 0 })
    const runId = await claimRun(row, {
      scheduledFor: at,
      trigger: 'manual',
      triggeredById: actor.id,
    })
    if (runId === null) throw new RuleViolation('schedules.errors.already_running')
    await recordAudit({
      actor,
      unit: { id: row.unit_id, path: row.unit_path },
      action: 'schedule.run_now',
      subjectType: 'schedule',
      subjectId: row.id,
      after: { run: runId },
    })
    const status = await executeRun(runId)
    return { runId, status }
  }
}
