/**
 * Runs of schedules, exactly once across instances:
 *  - claim: INSERT of the (schedule_id, scheduled_for) row — the UNIQUE key lets one instance win (on Galera the
 *    losers see 1213 at commit or the duplicate key after the retry);
 *  - per address: a delivery row is inserted ('sending') BEFORE the message goes to SMTP and marked 'sent'
 *    after; an instance that takes a run over skips every address that has a row (a 'sending' row left by a
 *    dead process becomes 'uncertain' — never sent twice, shown in the history);
 *  - heartbeat after each address; a run whose heartbeat is older than RUN_STALE_SECONDS is taken over by a
 *    conditional UPDATE on (claimed_by, heartbeat_at) that only one instance can win.
 * Every update of a run is conditional on claimed_by = this instance.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import logger from '@adonisjs/core/services/logger'
import { AccessDenied, APP_ZONE, RuleViolation, withRetry } from '#core'
import { User } from '#accounts'
import { recordAudit } from '#audit'
import { translator } from '../../exports/services/exporters.js'
import { composeMail } from './compose.js'
import {
  affectedRows,
  findSchedule,
  INSTANCE_ID,
  isDuplicateKey,
  sqlTime,
  staleSeconds,
  type RunRow,
  type ScheduleRow,
} from './store.js'

export interface ClaimInput {
  scheduledFor: DateTime
  trigger: 'cron' | 'manual'
  triggeredById?: number | null
  instanceId?: string
}

/** Inserts the run row; the run id when this instance won the claim, null when another one has it. */
export async function claimRun(row: ScheduleRow, input: ClaimInput): Promise<number | null> {
  const now = sqlTime()
  try {
    return await withRetry(async () => {
      const [id] = await db
        .insertQuery()
        .table('schedule_runs')
        .insert({
          schedule_id: row.id,
          unit_path: row.unit_path,
          scheduled_for: sqlTime(input.scheduledFor),
          trigger: input.trigger,
          triggered_by_id: input.triggeredById ?? null,
          status: 'running',
          claimed_by: input.instanceId ?? INSTANCE_ID,
          attempts: 1,
          heartbeat_at: now,
          started_at: now,
          recipients: 0,
          sent: 0,
        })
      return Number(id)
    })
  } catch (error) {
    if (isDuplicateKey(error)) return null
    throw error
  }
}

type Outcome = 'sent' | 'partial' | 'failed' | 'lost'

/** Sends a claimed run to every address not yet handled; the run's final status. */
export async function executeRun(runId: number, instanceId = INSTANCE_ID): Promise<Outcome> {
  const run: RunRow = await db.from('schedule_runs').where('id', runId).firstOrFail()
  const row = (await findSchedule(run.schedule_id))!
  const mine = () => db.from('schedule_runs').where('id', runId).where('claimed_by', instanceId)
  const beat = async (values: Record<string, unknown> = {}) =>
    affectedRows(await mine().update({ heartbeat_at: sqlTime(), ...values })) === 1
  const runDay = DateTime.fromSQL(run.scheduled_for, { zone: 'utc' }).setZone(APP_ZONE).toISODate()!
  let sent = 0
  let failed = 0
  let error: string | null = null
  try {
    const composed = await composeMail(row, runDay)
    if (!composed.recipients.length) throw new RuleViolation('schedules.errors.no_recipients')
    if (
      !(await beat({
        report_label: composed.reportLabel.slice(0, 255),
        period_label: composed.periodLabel.slice(0, 120),
        recipients: composed.recipients.length,
      }))
    )
      return 'lost'
    for (const email of composed.recipients) {
      const mark = (values: Record<string, unknown>) =>
        db
          .from('schedule_deliveries')
          .where('run_id', runId)
          .where('email', email)
          .update({ ...values, updated_at: sqlTime() })
      const existing = await db
        .from('schedule_deliveries')
        .where('run_id', runId)
        .where('email', email)
        .first()
      if (existing) {
        if (existing.status === 'sent') sent++
        else if (existing.status === 'sending' && existing.claimed_by !== instanceId) {
          await mark({ status: 'uncertain' })
          failed++
        } else failed++
        continue
      }
      try {
        await db.insertQuery().table('schedule_deliveries').insert({
          run_id: runId,
          email,
          status: 'sending',
          claimed_by: instanceId,
          updated_at: sqlTime(),
        })
      } catch (e) {
        if (isDuplicateKey(e)) continue
        throw e
      }
      try {
        await mail.send((m) => {
          m.to(email).subject(composed.subject).html(composed.html).text(composed.text)
          if (composed.attachment)
            m.attachData(composed.attachment.body, {
              filename: composed.attachment.fileName,
              contentType: composed.attachment.mime,
            })
        })
        await mark({ status: 'sent' })
        sent++
      } catch (e: any) {
        await mark({ status: 'failed', error: String(e?.message ?? e).slice(0, 1000) })
        failed++
        error = String(e?.message ?? e)
      }
      if (!(await beat({ sent }))) return 'lost'
    }
  } catch (e: any) {
    const t = translator(row.locale)
    error =
      e instanceof RuleViolation
        ? t(e.key, e.data)
        : e instanceof AccessDenied
          ? t(`errors.${e.reason}`, {})
          : String(e?.message ?? e)
    if (!(e instanceof RuleViolation) && !(e instanceof AccessDenied))
      logger.error({ err: e, run: runId }, 'schedule run failed')
    failed++
  }
  const status: Outcome = failed === 0 ? 'sent' : sent > 0 ? 'partial' : 'failed'
  const done = await mine().update({
    status,
    sent,
    error: error ? error.slice(0, 2000) : null,
    heartbeat_at: sqlTime(),
    finished_at: sqlTime(),
  })
  if (affectedRows(done) !== 1) return 'lost'
  if (status !== 'sent') await notifyOwner(row, runId, status, error)
  return status
}

/** A failed (or partly failed) run tells the schedule's owner: an e-mail and an audit row. */
async function notifyOwner(row: ScheduleRow, runId: number, status: Outcome, error: string | null) {
  const owner = await User.query().where('id', row.owner_id).preload('unit').first()
  await recordAudit({
    actor: null,
    unit: { id: row.unit_id, path: row.unit_path },
    action: 'schedule.run_failed',
    outcome: 'failed',
    subjectType: 'schedule',
    subjectId: row.id,
    after: { run: runId, status, error },
  })
  if (!owner) return
  const t = translator(row.locale)
  try {
    await mail.send((m) => {
      m.to(owner.email)
        .subject(t('schedules.mail.failed_subject', { name: row.name }))
        .text(
          t('schedules.mail.failed_body', {
            name: row.name,
            status: t(`schedules.status.${status}`),
            error: error ?? '',
          })
        )
    })
  } catch (e) {
    logger.error({ err: e, run: runId }, 'could not notify the owner of a failed schedule run')
  }
}

/** Takes over runs whose instance stopped beating; each is finished by exactly one instance. */
export async function takeOverStale(instanceId = INSTANCE_ID): Promise<number> {
  const cutoff = sqlTime(DateTime.utc().minus({ seconds: staleSeconds() }))
  const stale: RunRow[] = await db
    .from('schedule_runs')
    .where('status', 'running')
    .where('heartbeat_at', '<', cutoff)
    .orderBy('id')
    .limit(20)
  let taken = 0
  for (const run of stale) {
    const won = await withRetry(() =>
      db
        .from('schedule_runs')
        .where('id', run.id)
        .where('status', 'running')
        .where('claimed_by', run.claimed_by)
        .where('heartbeat_at', run.heartbeat_at)
        .update({ claimed_by: instanceId, heartbeat_at: sqlTime(), attempts: run.attempts + 1 })
    )
    if (affectedRows(won) !== 1) continue
    taken++
    await executeRun(run.id, instanceId)
  }
  return taken
}
