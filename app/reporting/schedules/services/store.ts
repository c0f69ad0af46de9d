/** Rows of the schedules tables and small shared helpers (no Lucid models: plain rows keep the runner lean). */
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import type { PeriodRule } from './period_rules.js'
import type { SendFormat } from './sendables.js'
import { pathRange } from '../../services/context.js'

export interface ScheduleRow {
  id: number
  name: string
  owner_id: number
  unit_id: number
  unit_path: string
  report: string
  period_rule: PeriodRule
  format: SendFormat
  cron: string
  recipient_roles: string
  /** Role recipients also from the units below the schedule's unit. */
  recipients_below?: boolean | number
  extra_emails: string
  locale: string
  active: boolean | number
  version: number
}

export interface RunRow {
  id: number
  schedule_id: number
  unit_path: string
  scheduled_for: string
  trigger: 'cron' | 'manual'
  triggered_by_id: number | null
  status: 'running' | 'sent' | 'partial' | 'failed'
  claimed_by: string
  attempts: number
  heartbeat_at: string
  report_label: string | null
  period_label: string | null
  recipients: number
  sent: number
  error: string | null
  started_at: string
  finished_at: string | null
}

/** Identifies this process in claims (INSTANCE_ID, else host:pid:random). */
export const INSTANCE_ID =
  env.get('INSTANCE_ID') || `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`

/** A running run whose heartbeat is older than this is taken over by another instance. */
export function staleSeconds(): number {
  return env.get('RUN_STALE_SECONDS', 300)
}

export const sqlTime = (dt: DateTime = DateTime.utc()) => dt.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')

export function rolesOf(row: Pick<ScheduleRow, 'recipient_roles'>): string[] {
  try {
    const value = JSON.parse(row.recipient_roles)
    return Array.isArray(value) ? value.map(String) : []
  } catch {
    return []
  }
}

export function extraEmailsOf(row: Pick<ScheduleRow, 'extra_emails'>): string[] {
  return row.extra_emails
    .split(/[\s,;]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
}

export async function findSchedule(id: number): Promise<ScheduleRow | null> {
  return (await db.from('schedules').where('id', id).first()) ?? null
}

/** Active users holding one of the roles in the schedule's unit, plus the extra addresses; deduplicated. */
export async function recipientsOf(row: ScheduleRow): Promise<string[]> {
  const roles = rolesOf(row)
  const users = roles.length
    ? await db
        .from('users')
        .join('user_roles', 'user_roles.user_id', 'users.id')
        .if(
          Boolean(row.recipients_below),
          // The unit and its subtree: an index range on the materialised path.
          (q) =>
            q
              .join('units', 'units.id', 'users.unit_id')
              .where('units.path', '>=', pathRange(row.unit_path)[0])
              .where('units.path', '<', pathRange(row.unit_path)[1]),
          (q) => q.where('users.unit_id', row.unit_id)
        )
        .where('users.status', 'active')
        .whereIn('user_roles.role', roles)
        .distinct('users.email')
        .orderBy('users.email')
    : []
  const all = [...users.map((u: any) => String(u.email).toLowerCase()), ...extraEmailsOf(row)]
  return [...new Set(all)]
}

/** The claim's duplicate-key test is shared with the periodic jobs (#core claimed runs). */
export { isDuplicateKey } from '#core'

export function affectedRows(result: unknown): number {
  return Number(Array.isArray(result) ? result[0] : result) || 0
}
