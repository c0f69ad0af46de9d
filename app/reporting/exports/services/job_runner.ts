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
import ExportJob from '../models/export_job.js'
import { affected, RunExportJob, sqlNow, type RunOptions } from '../actions/run_export_job.js'
import { CleanExpiredExports } from '../actions/clean_expired_exports.js'

export class ExportRunner {
  private active: Promise<void> | null = null
  private again = false
  private timer: NodeJS.Timeout | null = null
  private paused = false

  constructor(
    readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    private options: RunOptions = {}
  ) {}

  /** Takes the job if it is still queued; true when this instance won it. */
  async claim(id: number): Promise<boolean> {
    const now = sqlNow()
    const result = await db.from('export_jobs').where('id', id).where('status', 'queued').update({
      status: 'running',
      claimed_by: this.instanceId,
      started_at: now,
      updated_at: now,
      progress: 0,
    })
    return affected(result) === 1
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
    let ran = 0
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
