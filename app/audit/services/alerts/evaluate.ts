import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { ruleSettings, type AlertRule, type RuleSettings } from './rules.js'

/** Audit actions that read or take data out (the volume rule). */
export const READ_ACTIONS = [
  'attachment.downloaded',
  'reporting.export.download',
  'reporting.export.requested',
  'audit.exported',
]

type Row = Record<string, any>

function utc(minutesAgo: number, from = DateTime.utc()): string {
  return from.minus({ minutes: minutesAgo }).toFormat('yyyy-MM-dd HH:mm:ss')
}

/** Which audit rows may start an alert (cheap test before any query). */
export function alertRelevant(row: Row): boolean {
  if (row.outcome === 'refused' && row.actor_id) return true
  if (row.action === 'auth.login') return true
  return READ_ACTIONS.includes(row.action)
}

/** IPv4 /24 or IPv6 /48: "the same network" for the new-network rule. */
export function networkOf(ip: string | null | undefined): string | null {
  if (!ip) return null
  const v4 = ip.replace(/^::ffff:/, '')
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.split('.').slice(0, 3).join('.')
  return ip.split(':').slice(0, 3).join(':')
}

function reasonOf(row: Row): string | null {
  try {
    return row.after ? (JSON.parse(row.after).reason ?? null) : null
  } catch {
    return null
  }
}

interface Raise {
  rule: AlertRule
  key: string
  settings: RuleSettings
  row: Row
  auditIds: number[]
  facts: Record<string, unknown>
}

async function nationalPath(): Promise<string> {
  const unit = await db.from('units').where('level', 'national').select('path').first()
  return unit?.path ?? '/'
}

/** Stores the alert unless one for the same subject is still open within the rule's window; returns its id. */
async function raise(alert: Raise): Promise<number | null> {
  const since = utc(alert.settings.windowMinutes)
  const existing = await db
    .from('security_alerts')
    .where('dedupe_key', alert.key)
    .whereNot('status', 'resolved')
    .where('created_at', '>=', since)
    .first()
  if (existing) return null
  const [id] = await db
    .insertQuery()
    .table('security_alerts')
    .insert({
      rule: alert.rule,
      dedupe_key: alert.key,
      unit_id: alert.row.unit_id ?? null,
      unit_path: alert.row.unit_path ?? (await nationalPath()),
      user_id: alert.row.actor_id ?? null,
      actor_email: alert.row.actor_email ?? null,
      source_ip: alert.row.ip ?? null,
      evidence: JSON.stringify({ auditIds: alert.auditIds, facts: alert.facts }),
      status: 'open',
      created_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
    })
  // The e-mail goes out in the background: a slow or absent mail server never holds up the request.
  const { notifyAlert } = await import('./notify.js')
  notifyAlert(Number(id)).catch((error: unknown) =>
    logger.error({ err: error }, 'alert e-mail failed')
  )
  return Number(id)
}

async function ids(query: any, limit = 50): Promise<number[]> {
  const rows = await query.select('id').orderBy('id', 'desc').limit(limit)
  return rows.map((r: Row) => Number(r.id))
}

/**
 * Runs the rules an audit row may trigger (after its transaction committed). Set-based counts on indexed
 * columns (actor/outcome/time, ip/action/time), never a scan of the trail.
 */
export async function evaluateAlerts(row: Row): Promise<number[]> {
  const rules = await ruleSettings()
  const raised: (number | null)[] = []
  const actorId = row.actor_id ? Number(row.actor_id) : null

  if (row.outcome === 'refused' && actorId) {
    const s = rules.refusals
    if (s.enabled) {
      const q = () =>
        db
          .from('audit_events')
          .where('actor_id', actorId)
          .where('outcome', 'refused')
          .where('occurred_at', '>=', utc(s.windowMinutes))
      const [{ n }] = await q().count('* as n')
      if (Number(n) >= s.threshold) {
        raised.push(
          await raise({
            rule: 'refusals',
            key: `refusals:user:${actorId}`,
            settings: s,
            row,
            auditIds: await ids(q()),
            facts: { count: Number(n), windowMinutes: s.windowMinutes },
          })
        )
      }
    }
    const t = rules.token_scope
    if (t.enabled && reasonOf(row) === 'token_scope') {
      const q = () =>
        db
          .from('audit_events')
          .where('actor_id', actorId)
          .where('outcome', 'refused')
          .where('after', 'like', '%"reason":"token_scope"%')
          .where('occurred_at', '>=', utc(t.windowMinutes))
      const [{ n }] = await q().count('* as n')
      if (Number(n) >= t.threshold) {
        raised.push(
          await raise({
            rule: 'token_scope',
            key: `token_scope:user:${actorId}`,
            settings: t,
            row,
            auditIds: await ids(q()),
            facts: { count: Number(n), url: safeUrl(row) },
          })
        )
      }
    }
  }

  if (row.action === 'auth.login' && row.outcome === 'failed' && row.ip) {
    const s = rules.failed_login_burst
    if (s.enabled) {
      const q = () =>
        db
          .from('audit_events')
          .where('ip', row.ip)
          .where('action', 'auth.login')
          .where('outcome', 'failed')
          .where('occurred_at', '>=', utc(s.windowMinutes))
      const [{ n }] = await q().countDistinct('actor_email as n')
      if (Number(n) >= s.threshold) {
        raised.push(
          await raise({
            rule: 'failed_login_burst',
            key: `burst:ip:${row.ip}`,
            settings: s,
            row: { ...row, unit_id: null, unit_path: null, actor_id: null, actor_email: null },
            auditIds: await ids(q()),
            facts: { accounts: Number(n), windowMinutes: s.windowMinutes },
          })
        )
      }
    }
  }

  if (row.action === 'auth.login' && row.outcome === 'ok' && actorId) {
    const hour = DateTime.fromFormat(String(row.occurred_at), 'yyyy-MM-dd HH:mm:ss', {
      zone: 'utc',
    }).setZone('Asia/Ho_Chi_Minh').hour
    const u = rules.unusual_hour
    const end = u.extra ?? 21
    if (u.enabled && (hour < u.threshold || hour >= end)) {
      raised.push(
        await raise({
          rule: 'unusual_hour',
          key: `unusual_hour:user:${actorId}`,
          settings: u,
          row,
          auditIds: await ids(
            db.from('audit_events').where('actor_id', actorId).where('action', 'auth.login'),
            1
          ),
          facts: { hour, workingHours: `${u.threshold}:00–${end}:00` },
        })
      )
    }
    const nn = rules.new_network
    const network = networkOf(row.ip)
    if (nn.enabled && network) {
      const history = await db
        .from('audit_events')
        .where('actor_id', actorId)
        .where('action', 'auth.login')
        .where('outcome', 'ok')
        .where('occurred_at', '>=', utc(nn.threshold * 1440))
        .orderBy('id', 'desc')
        .select('id', 'ip')
        .limit(500)
      // The newest row is this login; a first login ever has nothing to compare with.
      const earlier = history.slice(1)
      const known = new Set(earlier.map((r) => networkOf(r.ip)).filter(Boolean))
      if (earlier.length > 0 && !known.has(network)) {
        raised.push(
          await raise({
            rule: 'new_network',
            key: `new_network:user:${actorId}:${network}`,
            settings: nn,
            row,
            auditIds: history.slice(0, 1).map((r) => Number(r.id)),
            facts: { network, knownNetworks: [...known] },
          })
        )
      }
    }
  }

  if (READ_ACTIONS.includes(row.action) && actorId) {
    const s = rules.volume
    if (s.enabled) {
      const q = () =>
        db
          .from('audit_events')
          .where('actor_id', actorId)
          .whereIn('action', READ_ACTIONS)
          .where('occurred_at', '>=', utc(s.windowMinutes))
      const [{ n }] = await q().count('* as n')
      const [{ m }] = await db
        .from('audit_events')
        .where('actor_id', actorId)
        .whereIn('action', READ_ACTIONS)
        .where('occurred_at', '>=', utc(s.windowMinutes * 31))
        .where('occurred_at', '<', utc(s.windowMinutes))
        .count('* as m')
      const usual = Number(m) / 30
      const factor = s.extra ?? 5
      if (Number(n) >= s.threshold && Number(n) >= factor * usual) {
        raised.push(
          await raise({
            rule: 'volume',
            key: `volume:user:${actorId}`,
            settings: s,
            row,
            auditIds: await ids(q()),
            facts: { count: Number(n), usualPerWindow: Math.round(usual * 10) / 10, factor },
          })
        )
      }
    }
  }
  return raised.filter((id): id is number => id !== null)
}

function safeUrl(row: Row): string | null {
  try {
    return row.after ? (JSON.parse(row.after).url ?? null) : null
  } catch {
    return null
  }
}
