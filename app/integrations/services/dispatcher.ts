/**
 * The outbox dispatcher. Several instances (web processes, `node ace integrations:dispatch`) may run at once:
 * each claims due rows with a conditional UPDATE that sets a lease (`lease_owner`, `lease_until`), so a row is
 * delivered by one of them; a process killed mid-delivery leaves a lease that expires, and another claims the
 * row again — the receiver may then see the same `webhook-id` twice and deduplicates it (at-least-once).
 *
 * Retry schedule (Svix, RECIPE §10): attempts after 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. A 2xx is
 * success; a 3xx, 4xx, 5xx, a time-out or a network error is a failure; 410 Gone disables the client at once;
 * a client failing for DISABLE_AFTER_DAYS is disabled too, and its contact is told by e-mail.
 */
import { transaction } from '#core'
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { recordAudit } from '#audit'
import { signHeaders } from './signing.js'
import { signingSecrets } from './credentials.js'
import { stamp, readStamp } from './time.js'
import { notifyDisabled } from './notify.js'

export const RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18000, 36000, 36000]
export const DISABLE_AFTER_DAYS = 5

export interface DispatcherOptions {
  batchSize?: number
  concurrency?: number
  leaseSeconds?: number
  timeoutMs?: number
  schedule?: number[]
  disableAfterDays?: number
  /** Injectable clock (ms) for tests. */
  now?: () => number
  /** Only these clients (an operator draining one client; tests). */
  clientIds?: number[] | null
}

/** When the attempt after `attempts` failed attempts is due, or null when the schedule is exhausted. */
export function nextAttemptDelay(
  attempts: number,
  schedule = RETRY_SCHEDULE_SECONDS
): number | null {
  return attempts < schedule.length ? schedule[attempts] : null
}

interface Claimed {
  id: number
  client_id: number
  message_id: string
  payload: string
  attempts: number
  endpoint_url: string
  failing_since: unknown
  name: string
  contact_email: string
}

type Leased = Claimed & { lease_owner: string }
interface Outcome {
  row: Leased
  startedAt: number
  status: number | null
  error: string | null
}

export class Dispatcher {
  readonly owner = `${hostname().slice(0, 20)}:${process.pid}:${randomUUID().slice(0, 8)}`
  private opts: Required<Omit<DispatcherOptions, 'clientIds'>>
  private clientIds: number[] | null
  private timer: NodeJS.Timeout | null = null
  private running: Promise<number> | null = null

  constructor(options: DispatcherOptions = {}) {
    this.opts = {
      batchSize: options.batchSize ?? 50,
      concurrency: options.concurrency ?? 8,
      leaseSeconds: options.leaseSeconds ?? 60,
      timeoutMs: options.timeoutMs ?? 15_000,
      schedule: options.schedule ?? RETRY_SCHEDULE_SECONDS,
      disableAfterDays: options.disableAfterDays ?? DISABLE_AFTER_DAYS,
      now: options.now ?? Date.now,
    }
    this.clientIds = options.clientIds ?? null
  }

  /** Claims one batch of due messages; returns them (leased to this instance). */
  async claim(): Promise<Claimed[]> {
    const now = stamp(this.opts.now())
    const candidates = await db
      .from('integration_outbox as o')
      .join('integration_clients as c', 'c.id', 'o.client_id')
      .where('o.status', 'pending')
      .where('o.next_attempt_at', '<=', now)
      .where((q) => q.whereNull('o.lease_until').orWhere('o.lease_until', '<', now))
      .where('c.status', 'active')
      .whereNotNull('c.endpoint_url')
      .if(this.clientIds, (q) => q.whereIn('o.client_id', this.clientIds!))
      .orderBy('o.next_attempt_at')
      .orderBy('o.id')
      .limit(this.opts.batchSize)
      .select('o.id')
    if (candidates.length === 0) return []
    const lease = `${this.owner}:${randomUUID().slice(0, 8)}`
    await db
      .from('integration_outbox')
      .whereIn(
        'id',
        candidates.map((r) => r.id)
      )
      .where('status', 'pending')
      .where((q) => q.whereNull('lease_until').orWhere('lease_until', '<', now))
      .update({
        lease_owner: lease,
        lease_until: stamp(this.opts.now() + this.opts.leaseSeconds * 1000),
      })
    const rows = await db
      .from('integration_outbox as o')
      .join('integration_clients as c', 'c.id', 'o.client_id')
      .where('o.lease_owner', lease)
      .select(
        'o.id',
        'o.client_id',
        'o.message_id',
        'o.payload',
        'o.attempts',
        'c.endpoint_url',
        'c.failing_since',
        'c.name',
        'c.contact_email'
      )
    return rows.map((r) => ({ ...r, id: Number(r.id), lease_owner: lease }))
  }

  /** One pass: claim a batch and deliver it with bounded concurrency. Returns how many were attempted. */
  async runOnce(): Promise<number> {
    const batch = await this.claim()
    const secrets = new Map<number, string[]>()
    const outcomes: Outcome[] = []
    let next = 0
    const worker = async () => {
      while (next < batch.length) {
        const row = batch[next++]
        if (!secrets.has(row.client_id))
          secrets.set(row.client_id, await signingSecrets(row.client_id))
        outcomes.push(await this.deliver(row as Leased, secrets.get(row.client_id)!))
      }
    }
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, batch.length) }, worker))
    // One transaction settles the whole batch (one commit instead of one per message). Dying before it only
    // means the batch is delivered again after the lease: the receivers deduplicate by webhook-id.
    if (outcomes.length) await this.settle(outcomes)
    return batch.length
  }

  /** Runs passes until nothing is due (tests, the ace command's --drain). */
  async drain(maxPasses = 1000): Promise<number> {
    let total = 0
    for (let i = 0; i < maxPasses; i++) {
      const n = await this.runOnce()
      total += n
      if (n === 0) break
    }
    return total
  }

  private async deliver(row: Leased, secrets: string[]): Promise<Outcome> {
    const startedAt = this.opts.now()
    const timestamp = Math.floor(startedAt / 1000)
    let status: number | null = null
    let error: string | null = null
    try {
      if (secrets.length === 0) throw new Error('no valid signing secret')
      const response = await fetch(row.endpoint_url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'THADS-webhooks/1',
          ...signHeaders(secrets, row.message_id, timestamp, row.payload),
        },
        body: row.payload,
      })
      status = response.status
      await response.arrayBuffer().catch(() => null)
      if (status >= 300)
        error = status < 400 ? `redirect ${status} (treated as failure)` : `HTTP ${status}`
    } catch (e: any) {
      error =
        e?.name === 'TimeoutError'
          ? `timeout after ${this.opts.timeoutMs} ms`
          : String(e?.cause?.code ?? e?.message ?? e)
    }
    return { row, startedAt, status, error }
  }

  private async settle(outcomes: Outcome[]) {
    const nowMs = this.opts.now()
    const now = stamp(nowMs)
    const disabled: { row: Leased; reason: string; error: string | null }[] = []
    await transaction(async (trx) => {
      const attempts: Record<string, unknown>[] = []
      const recovered = new Set<number>()
      const failing = new Set<number>()
      // The common case, successes, in three statements whatever the batch size: which rows are still ours,
      // one UPDATE per status code, then the attempts below.
      const successes = outcomes.filter((o) => o.error === null)
      const owned = new Set<number>()
      if (successes.length) {
        const lease = successes[0].row.lease_owner
        const ids = successes.map((o) => o.row.id)
        for (const r of await trx
          .from('integration_outbox')
          .whereIn('id', ids)
          .where('lease_owner', lease)
          .select('id'))
          owned.add(Number(r.id))
        const byStatus = new Map<number, number[]>()
        for (const o of successes)
          if (owned.has(o.row.id))
            byStatus.set(o.status!, [...(byStatus.get(o.status!) ?? []), o.row.id])
        for (const [code, rows] of byStatus)
          await trx
            .from('integration_outbox')
            .whereIn('id', rows)
            .where('lease_owner', lease)
            .update({
              status: 'delivered',
              delivered_at: now,
              attempts: trx.knexRawQuery('attempts + 1'),
              last_status: code,
              last_error: null,
              lease_owner: null,
              lease_until: null,
            })
      }
      for (const { row, startedAt, status, error } of outcomes) {
        const ok = error === null
        if (ok) {
          if (!owned.has(row.id)) continue
          attempts.push({
            outbox_id: row.id,
            client_id: row.client_id,
            attempt_no: row.attempts + 1,
            started_at: stamp(startedAt),
            duration_ms: Math.max(0, nowMs - startedAt),
            status_code: status,
            error: null,
            ok: true,
          })
          if (row.failing_since) recovered.add(row.client_id)
          continue
        }
        const attemptNo = row.attempts + 1
        const update: Record<string, unknown> = {
          attempts: attemptNo,
          last_status: status,
          last_error: error?.slice(0, 512) ?? null,
          lease_owner: null,
          lease_until: null,
        }
        const delay = status === 410 ? null : nextAttemptDelay(attemptNo, this.opts.schedule)
        if (delay === null) update.status = 'failed'
        else update.next_attempt_at = stamp(nowMs + delay * 1000)
        const changed = await trx
          .from('integration_outbox')
          .where('id', row.id)
          .where('lease_owner', row.lease_owner)
          .update(update)
        if (Number(changed) === 0) continue // the lease expired and another instance took the row over
        attempts.push({
          outbox_id: row.id,
          client_id: row.client_id,
          attempt_no: attemptNo,
          started_at: stamp(startedAt),
          duration_ms: Math.max(0, nowMs - startedAt),
          status_code: status,
          error: error?.slice(0, 512) ?? null,
          ok: false,
        })
        const since = readStamp(row.failing_since)
        if (status === 410) disabled.push({ row, reason: 'gone_410', error })
        else if (since && since <= stamp(nowMs - this.opts.disableAfterDays * 86_400_000))
          disabled.push({ row, reason: 'failing_days', error })
        else if (!since) failing.add(row.client_id)
      }
      if (attempts.length) await trx.table('integration_attempts').multiInsert(attempts)
      if (recovered.size)
        await trx
          .from('integration_clients')
          .whereIn('id', [...recovered])
          .update({ failing_since: null })
      if (failing.size)
        await trx
          .from('integration_clients')
          .whereIn('id', [...failing])
          .whereNull('failing_since')
          .update({ failing_since: now })
      for (const d of [...disabled]) {
        const changedClient = await trx
          .from('integration_clients')
          .where('id', d.row.client_id)
          .where('status', 'active')
          .update({
            status: 'disabled',
            disabled_reason: d.reason,
            disabled_at: now,
            updated_at: now,
          })
        if (Number(changedClient) === 0) {
          disabled.splice(disabled.indexOf(d), 1)
          continue
        }
        await recordAudit(
          {
            actorEmail: `dispatcher:${this.owner}`,
            action: 'integration.client_disabled',
            subjectType: 'integration_client',
            subjectId: d.row.client_id,
            before: { status: 'active' },
            after: { status: 'disabled', reason: d.reason, error: d.error },
          },
          trx
        )
      }
    })
    for (const d of disabled)
      await notifyDisabled(
        { id: d.row.client_id, name: d.row.name, email: d.row.contact_email },
        d.reason,
        d.error
      ).catch((e) =>
        logger.error({ err: e, client: d.row.client_id }, 'could not e-mail the disabled client')
      )
  }

  /** Starts periodic passes in this process (web server); `stop()` ends them. */
  start(intervalMs: number) {
    if (this.timer) return
    this.timer = setInterval(() => {
      if (this.running) return
      this.running = this.drain(20)
        .catch((e) => {
          logger.error({ err: e }, 'integration dispatcher pass failed')
          return 0
        })
        .finally(() => (this.running = null))
    }, intervalMs)
    this.timer.unref()
  }

  async stop() {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    if (this.running) await this.running
  }
}
