/**
 * The in-process export runner. Jobs are claimed with one conditional UPDATE
 * (`… SET status = 'running', claimed_by = me WHERE id = ? AND status = 'queued'`), so when several
 * application instances share the database exactly one of them runs a job. One job at a time per process.
 * `kick()` after a job is queued; in the web server a timer also picks up jobs queued elsewhere and cleans
 * expired files every minute.
 */
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import env from '#start/env'
import { withRetry } from '#core'
import ExportJob from '../models/export_job.js'
import { affected, RunExportJob, sqlNow, type RunOptions } from '../actions/run_export_job.js'
import { CleanExpiredExports } from '../actions/clean_expired_exports.js'

export class ExportRunner {
  private active: Promise<void> | null = null
  private again = false
  private timer: NodeJS.Timeout | null = null
  private paused = false

  constructor(
    readonly instanceId = env.get('INSTANCE_ID') ||
      `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    private options: RunOptions = {}
  ) {}

  /** Takes the job if it is still queued; true when this instance won it. */
  async claim(id: number): Promise<boolean> {
    const now = sqlNow()
    // On Galera two nodes may both match the row; certification lets one commit (1213 for the other).
    const result = await withRetry(() =>
      db.from('export_jobs').where('id', id).where('status', 'queued').update({
        status: 'running',
        claimed_by: this.instanceId,
        started_at: now,
        updated_at: now,
        progress: 0,
      })
    )
    return affected(result) === 1
  }

  /**
   * Takes over jobs whose runner stopped reporting (a process killed mid-run): a running job not updated for
   * RUN_STALE_SECONDS is claimed again by one conditional UPDATE (only one instance wins) and produced anew;
   * the dead runner's late writes are conditional on its claimed_by, so they can no longer land.
   */
  async reclaimStale(): Promise<number> {
    const cutoff = sqlNow(DateTime.utc().minus({ seconds: env.get('RUN_STALE_SECONDS', 300) }))
    const stale = await db
      .from('export_jobs')
      .where('status', 'running')
      .where('updated_at', '<', cutoff)
      .orderBy('id')
      .limit(20)
      .select('id', 'claimed_by', 'updated_at')
    let ran = 0
    for (const row of stale) {
      const now = sqlNow()
      const won = await withRetry(() =>
        db
          .from('export_jobs')
          .where('id', row.id)
          .where('status', 'running')
          .where('claimed_by', row.claimed_by)
          .where('updated_at', '<', cutoff)
          .update({ claimed_by: this.instanceId, started_at: now, updated_at: now, progress: 0 })
      )
      if (affected(won) !== 1) continue
      const job = await ExportJob.findOrFail(row.id)
      await new RunExportJob().handle(job, this.instanceId, this.options)
      ran++
    }
    return ran
  }

  /** Claims and runs one job; false when another runner had it (or it is not queued). */
  async runOne(id: number, options: RunOptions = {}): Promise<boolean> {
    if (!(await this.claim(id))) return false
    const job = await ExportJob.findOrFail(id)
    await new RunExportJob().handle(job, this.instanceId, { ...this.options, ...options })
    return true
  }

  /** Runs queued jobs, oldest first, until none is left; returns how many this instance ran. */
  async drain(): Promise<number> {
    let ran = await this.reclaimStale()
    for (;;) {
      const next = await db
        .from('export_jobs')
        .where('status', 'queued')
        .orderBy('id')
        .select('id')
        .first()
      if (!next) return ran
      if (await this.runOne(Number(next.id))) ran++
    }
  }

  /** Starts draining in the background (no-op while a drain runs: it goes round once more instead). */
  kick(): void {
    if (this.paused) return
    if (this.active) {
      this.again = true
      return
    }
    this.active = (async () => {
      do {
        this.again = false
        await this.drain()
      } while (this.again)
    })()
      .catch((error) => logger.error({ err: error }, 'export runner failed'))
      .finally(() => {
        this.active = null
      })
  }

  /** Resolves when the current background drain (if any) has finished. */
  async idle(): Promise<void> {
    while (this.active) await this.active
  }

  /** Polls for queued jobs and cleans expired files; stopped when the application terminates. */
  start(everyMs = 60_000): void {
    if (this.timer) return
    this.timer = setInterval(() => {
      this.kick()
      new CleanExpiredExports()
        .handle()
        .catch((error) => logger.error({ err: error }, 'export cleanup failed'))
    }, everyMs)
    this.timer.unref()
    app.terminating(async () => {
      this.stop()
      await this.idle()
    })
  }

  /** While paused, kick() and the timer leave queued jobs alone (maintenance; tests drive a runner by hand). */
  pause(): void {
    this.paused = true
  }

  resume(): void {
    this.paused = false
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}

/** This process's runner. */
export const exportRunner = new ExportRunner()
