/**
 * Periodic jobs that run inside the app, exactly once across instances. Each instance fires the job's cron
 * (node-cron, Vietnam time) and claims the run by inserting (job, scheduled minute) into `job_runs`: the UNIQUE
 * key lets one instance win, the others skip. Modules register their jobs (`registerPeriodicJob`); the web
 * server starts them (`startPeriodicJobs`); tests call `runClaimed` directly.
 */
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import cron, { type ScheduledTask } from 'node-cron'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { APP_ZONE } from './clock.js'

export const JOB_INSTANCE_ID =
  process.env.INSTANCE_ID || `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`

export interface PeriodicJob {
  /** Unique name, e.g. 'audit:checkpoint'. */
  name: string
  /** Env variable holding the cron expression (Vietnam time); 'off' disables the job. */
  cronEnv: string
  defaultCron: string
  /** The work; its result (short, JSON-able) is stored on the run row. */
  run: () => Promise<unknown>
}

const JOBS = new Map<string, PeriodicJob>()

export function registerPeriodicJob(job: PeriodicJob): void {
  JOBS.set(job.name, job)
}

export function periodicJobs(): PeriodicJob[] {
  return [...JOBS.values()]
}

export function isDuplicateKey(error: unknown): boolean {
  const e = error as { errno?: number; code?: string; message?: string } | null
  return (
    e?.errno === 1062 ||
    e?.code === 'ER_DUP_ENTRY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  )
}

const sqlTime = (dt: DateTime) => dt.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')

/** Claims (job, minute): the run id when this instance won, null when another instance has it. */
export async function claimJobRun(
  job: string,
  minute: DateTime,
  instanceId: string = JOB_INSTANCE_ID
): Promise<number | null> {
  try {
    const [id] = await db
      .insertQuery()
      .table('job_runs')
      .insert({
        job,
        scheduled_for: sqlTime(minute.startOf('minute')),
        claimed_by: instanceId,
        status: 'running',
        started_at: sqlTime(DateTime.utc()),
      })
    return Number(id)
  } catch (error) {
    if (isDuplicateKey(error)) return null
    throw error
  }
}

/**
 * Runs `work` for (job, minute) if this instance wins the claim; records done/failed on the run row.
 * Returns whether this instance ran it.
 */
export async function runClaimed(
  job: string,
  minute: DateTime,
  work: () => Promise<unknown>,
  instanceId: string = JOB_INSTANCE_ID
): Promise<boolean> {
  const id = await claimJobRun(job, minute, instanceId)
  if (id === null) return false
  const finish = (status: string, detail: unknown) =>
    db
      .from('job_runs')
      .where('id', id)
      .where('claimed_by', instanceId)
      .update({
        status,
        finished_at: sqlTime(DateTime.utc()),
        detail: detail === undefined ? null : JSON.stringify(detail).slice(0, 2000),
      })
  try {
    await finish('done', await work())
  } catch (error) {
    await finish('failed', { error: String((error as Error)?.message ?? error) })
    throw error
  }
  return true
}

const TASKS: ScheduledTask[] = []

/** The cron of a job from its env variable (or its default); null when set to 'off' or invalid. */
export function jobCron(job: PeriodicJob, env: Record<string, string | undefined> = process.env) {
  const value = (env[job.cronEnv] ?? job.defaultCron).trim()
  if (!value || value === 'off') return null
  if (!cron.validate(value)) {
    logger.error(
      `${job.cronEnv}: invalid cron expression "${value}", job ${job.name} not scheduled`
    )
    return null
  }
  return value
}

/** Starts every registered job on its cron (web server only; tests leave them off). */
export function startPeriodicJobs(): void {
  if (TASKS.length) return
  for (const job of JOBS.values()) {
    const expression = jobCron(job)
    if (!expression) continue
    TASKS.push(
      cron.schedule(
        expression,
        async (context) => {
          const minute = DateTime.fromJSDate(context.date)
          try {
            await runClaimed(job.name, minute, job.run)
          } catch (error) {
            logger.error({ err: error }, `periodic job ${job.name} failed`)
          }
        },
        { timezone: APP_ZONE, name: `thads-${job.name}`, noOverlap: true }
      )
    )
  }
}

export async function stopPeriodicJobs(): Promise<void> {
  for (const task of TASKS.splice(0)) await task.stop()
}
