/**
 * The in-process import runner (after app/reporting/exports/services/job_runner.ts). A confirmed batch is
 * claimed with one conditional UPDATE (`… SET status = 'committing', claimed_by = me WHERE status = 'confirmed'`),
 * so one instance runs it. While running it beats a heartbeat; a batch left `committing` / `rolling_back` by a
 * process that died (no heartbeat for STALE_MS, or any on start) is taken over and resumed from its checkpoint.
 * Dry runs (`checking`, dry_run.ts) run on a second lane, so a long commit never delays a file's first errors:
 * claimed with `… SET claimed_by = me WHERE status = 'checking' AND claimed_by IS NULL` (or a stale heartbeat).
 */
import { sqlNow } from '../format.js'
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import ImportBatch from '../models/import_batch.js'
import { runCommit, type CommitOptions } from './commit.js'
import { runRollback } from './rollback.js'
import { runDryRun, LostClaim } from './dry_run.js'

export const STALE_MS = 60_000

const affected = (result: unknown) => (Array.isArray(result) ? Number(result[0]) : Number(result))

export class ImportRunner {
  private active: Promise<void> | null = null
  private again = false
  private checks: Promise<void> | null = null
  private checksAgain = false
  private timer: NodeJS.Timeout | null = null
  private paused = false

  constructor(
    readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    public options: CommitOptions = {}
  ) {}

  /** Takes a batch in `from` (or a stale one in `running`) for this instance; true when won. */
  async claim(id: number, from: 'confirmed' | 'committing' | 'rolling_back', staleBefore?: string) {
    const query = db.from('import_batches').where('id', id).where('status', from)
    if (staleBefore)
      query.where((q) => q.whereNull('heartbeat_at').orWhere('heartbeat_at', '<', staleBefore))
    else if (from !== 'confirmed') query.where('claimed_by', this.instanceId)
    const result = await query.update({
      status: from === 'confirmed' ? 'committing' : from,
      claimed_by: this.instanceId,
      heartbeat_at: sqlNow(),
      updated_at: sqlNow(),
    })
    return affected(result) === 1
  }

  private async execute(id: number) {
    const batch = await ImportBatch.findOrFail(id)
    const beat = setInterval(() => {
      db.from('import_batches')
        .where('id', id)
        .where('claimed_by', this.instanceId)
        .update({ heartbeat_at: sqlNow() })
        .catch(() => {})
    }, 10_000)
    try {
      if (batch.status === 'rolling_back') {
        const actor = await db
          .from('users')
          .where('id', batch.rolledBackById ?? batch.userId)
          .select('id', 'email')
          .first()
        await runRollback(batch, { id: Number(actor.id), email: actor.email })
      } else await runCommit(batch, this.options)
    } catch (error) {
      logger.error({ err: error, batch: id }, 'import batch failed')
      await db
        .from('import_batches')
        .where('id', id)
        .update({
          status: 'failed',
          message: String((error as Error)?.message ?? error).slice(0, 1000),
          updated_at: sqlNow(),
        })
    } finally {
      clearInterval(beat)
    }
  }

  /** Takes a batch waiting for its dry run (or one whose checker died: stale heartbeat); true when won. */
  async claimCheck(id: number, staleBefore?: string) {
    const query = db.from('import_batches').where('id', id).where('status', 'checking')
    if (staleBefore)
      query.where((q) => q.whereNull('heartbeat_at').orWhere('heartbeat_at', '<', staleBefore))
    else query.whereNull('claimed_by')
    const result = await query.update({
      claimed_by: this.instanceId,
      heartbeat_at: sqlNow(),
      updated_at: sqlNow(),
    })
    return affected(result) === 1
  }

  private async executeCheck(id: number) {
    try {
      await runDryRun(id, this.instanceId)
    } catch (error) {
      if (error instanceof LostClaim) return
      logger.error({ err: error, batch: id }, 'import dry run failed')
      await db
        .from('import_batches')
        .where('id', id)
        .where('claimed_by', this.instanceId)
        .update({
          status: 'failed_check',
          message: String((error as Error)?.message ?? error).slice(0, 1000),
          updated_at: sqlNow(),
        })
    }
  }

  /** Runs the waiting dry runs, oldest first, until none is left. */
  async drainChecks(): Promise<number> {
    let ran = 0
    for (;;) {
      const next = await db
        .from('import_batches')
        .where('status', 'checking')
        .whereNull('claimed_by')
        .orderBy('id')
        .select('id')
        .first()
      if (!next) return ran
      if (!(await this.claimCheck(Number(next.id)))) continue
      await this.executeCheck(Number(next.id))
      ran++
    }
  }

  /** Claims and runs one confirmed batch; false when another runner had it. */
  async runOne(id: number): Promise<boolean> {
    if (!(await this.claim(id, 'confirmed'))) return false
    await this.execute(id)
    return true
  }

  /** Resumes batches whose process died mid-way (stale heartbeat); returns how many it resumed. */
  async resumeStale(staleMs = STALE_MS): Promise<number> {
    const before = sqlNow(staleMs)
    const rows = await db
      .from('import_batches')
      .whereIn('status', ['checking', 'committing', 'rolling_back'])
      .orderBy('id')
      .select('id', 'status', 'claimed_by')
    let n = 0
    for (const r of rows) {
      if (r.status === 'checking') {
        if (r.claimed_by && (await this.claimCheck(Number(r.id), before))) {
          await this.executeCheck(Number(r.id))
          n++
        }
        continue
      }
      if (await this.claim(Number(r.id), r.status, before)) {
        await this.execute(Number(r.id))
        n++
      }
    }
    return n
  }

  /** Runs confirmed batches (and rollbacks claimed by this instance), oldest first, until none is left. */
  async drain(): Promise<number> {
    let ran = 0
    for (;;) {
      const next = await db
        .from('import_batches')
        .where((q) =>
          q
            .where('status', 'confirmed')
            .orWhere((r) => r.where('status', 'rolling_back').where('claimed_by', this.instanceId))
        )
        .orderBy('id')
        .select('id', 'status')
        .first()
      if (!next) return ran
      if (next.status === 'rolling_back') await this.execute(Number(next.id))
      else if (!(await this.runOne(Number(next.id)))) continue
      ran++
    }
  }

  kick(): void {
    this.kickChecks() // dry runs write nothing: not held by pause() (which holds commits)
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
      .catch((error) => logger.error({ err: error }, 'import runner failed'))
      .finally(() => {
        this.active = null
      })
  }

  private kickChecks(): void {
    if (this.checks) {
      this.checksAgain = true
      return
    }
    this.checks = (async () => {
      do {
        this.checksAgain = false
        await this.drainChecks()
      } while (this.checksAgain)
    })()
      .catch((error) => logger.error({ err: error }, 'import dry-run lane failed'))
      .finally(() => {
        this.checks = null
      })
  }

  async idle(): Promise<void> {
    while (this.active || this.checks) await (this.checks ?? this.active)
  }

  /** On start: resume what a dead process left (any heartbeat older than STALE_MS), then poll. */
  start(everyMs = 30_000): void {
    if (this.timer) return
    const tick = () => {
      if (this.paused) return
      this.kick()
      this.resumeStale().catch((error) => logger.error({ err: error }, 'import resume failed'))
    }
    setTimeout(tick, 1000).unref()
    this.timer = setInterval(tick, everyMs)
    this.timer.unref()
    app.terminating(async () => {
      this.stop()
      await this.idle()
    })
  }

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

export const importRunner = new ImportRunner(undefined, {
  delayMs: Number(process.env.IMPORT_CHUNK_DELAY_MS ?? 0) || undefined,
  chunkSize: Number(process.env.IMPORT_CHUNK ?? 0) || undefined,
})
