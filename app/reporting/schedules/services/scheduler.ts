/**
 * The ticker: node-cron fires every minute (Vietnam time); each instance looks for active schedules whose cron
 * names that minute and tries to claim (schedule, minute) — one instance wins each run. The same tick takes
 * over runs left by a dead instance. Nothing lives in process memory that another instance needs: schedules
 * are read from the database at every tick, so edits on one instance take effect everywhere.
 */
import cron, { type ScheduledTask } from 'node-cron'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { APP_ZONE } from '#core'
import { cronMatches, parseCron } from './cron.js'
import { claimRun, executeRun, takeOverStale } from './runner.js'
import { INSTANCE_ID, type ScheduleRow } from './store.js'

/** Claims and runs every schedule due at `minute`; the ids of the runs this instance won. */
export async function tick(minute: DateTime, instanceId?: string): Promise<number[]> {
  const at = minute.setZone(APP_ZONE).startOf('minute')
  const rows: ScheduleRow[] = await db.from('schedules').where('active', true).orderBy('id')
  const won: number[] = []
  for (const row of rows) {
    let due = false
    try {
      due = cronMatches(parseCron(row.cron), at)
    } catch {
      continue
    }
    if (!due) continue
    const runId = await claimRun(row, { scheduledFor: at, trigger: 'cron', instanceId })
    if (runId === null) continue
    won.push(runId)
    await executeRun(runId, instanceId)
  }
  return won
}

class Scheduler {
  private task: ScheduledTask | null = null
  private busy: Promise<unknown> | null = null

  start(): void {
    if (this.task) return
    this.task = cron.schedule(
      '* * * * *',
      async (context) => {
        const minute = DateTime.fromJSDate(context.date)
        this.busy = (async () => {
          await tick(minute)
          await takeOverStale()
        })().catch((error) => logger.error({ err: error }, 'schedule tick failed'))
        await this.busy
        this.busy = null
      },
      { timezone: APP_ZONE, name: 'thads-schedules', noOverlap: true }
    )
  }

  /**
   * Stops the ticker and waits (bounded) for the current tick; a run still going after that is released at
   * once (heartbeat set in the past) so another instance resumes it — per-address deliveries keep it exact.
   */
  async stop(waitMs = 20_000): Promise<void> {
    if (this.task) await this.task.stop()
    this.task = null
    if (this.busy) await Promise.race([this.busy, new Promise((r) => setTimeout(r, waitMs))])
    await db
      .from('schedule_runs')
      .where('claimed_by', INSTANCE_ID)
      .where('status', 'running')
      .update({ heartbeat_at: '2000-01-01 00:00:00' })
  }
}

export const scheduler = new Scheduler()
